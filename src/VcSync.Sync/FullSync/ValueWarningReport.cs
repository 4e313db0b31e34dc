using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VcSync.Inventory;

namespace VcSync.Sync.FullSync;

/// <summary>
/// Reports the values a sync read but could not store (their columns are left NULL): one warning log line and one
/// <c>value_warning</c> activity row each, up to <see cref="MaxListed"/>, then one row counting the rest.
/// </summary>
internal static partial class ValueWarningReport
{
    /// <summary>The most warnings logged and listed in the activity log one by one.</summary>
    public const int MaxListed = 100;

    /// <summary>The activity log's <c>operation</c> of a warning row.</summary>
    public const string Operation = "value_warning";

    public static void Report(SyncRun run, IReadOnlyList<ValueWarning> warnings, ILogger logger)
    {
        var vcenter = run.Target.VCenter.Name;
        var endpoint = $"{vcenter} - PropertyCollector";
        for (var i = 0; i < warnings.Count && i < MaxListed; i++)
        {
            var warning = warnings[i];
            var line = Line(vcenter, warning);
            LogWarning(logger, line);
            run.Activity(Operation, endpoint, true, 0, Details(vcenter, warning), line);
        }

        if (warnings.Count > MaxListed)
        {
            var rest = warnings.Count - MaxListed;
            var line = string.Create(
                CultureInfo.InvariantCulture, $"Sync of {vcenter}: {rest:N0} more values could not be stored and are NULL");
            LogWarning(logger, line);
            run.Activity(Operation, endpoint, true, 0, MoreDetails(vcenter, rest), line);
        }
    }

    /// <summary>The one line of a warning: the vCenter, the object (type, moref, name), the property and its value.</summary>
    public static string Line(string vcenter, ValueWarning warning) => $"Sync of {vcenter}: {warning}";

    private static string Details(string vcenter, ValueWarning warning) => Json(writer =>
    {
        writer.WriteString("vcenter", vcenter);
        writer.WriteString("object_type", warning.ObjectType);
        writer.WriteString("moref", warning.Moref);
        writer.WriteString("name", warning.ObjectName);
        writer.WriteString("property", warning.PropertyPath);
        writer.WriteString("value", warning.Value);
        writer.WriteString("reason", warning.Reason);
    });

    private static string MoreDetails(string vcenter, int more) => Json(writer =>
    {
        writer.WriteString("vcenter", vcenter);
        writer.WriteNumber("more_warnings", more);
    });

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);
}
