namespace VcSync.Storage.Jobs;

/// <summary>The one spelling of each <see cref="JobTaskName"/> in the database and in JSON.</summary>
public static class JobTaskNameText
{
    /// <summary><see cref="JobTaskName.Connect"/>.</summary>
    public const string Connect = "connect";

    /// <summary><see cref="JobTaskName.Inventory"/>.</summary>
    public const string Inventory = "inventory";

    /// <summary><see cref="JobTaskName.Alarms"/>.</summary>
    public const string Alarms = "alarms";

    /// <summary>The task's text.</summary>
    public static string ToText(this JobTaskName name) => name switch
    {
        JobTaskName.Connect => Connect,
        JobTaskName.Inventory => Inventory,
        JobTaskName.Alarms => Alarms,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The task a text stands for.</summary>
    /// <exception cref="FormatException">The text is no task name.</exception>
    public static JobTaskName Parse(string text) => text switch
    {
        Connect => JobTaskName.Connect,
        Inventory => JobTaskName.Inventory,
        Alarms => JobTaskName.Alarms,
        _ => throw new FormatException($"'{text}' is not a job task."),
    };
}
