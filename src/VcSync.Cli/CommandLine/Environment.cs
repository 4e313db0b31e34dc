namespace VcSync.Cli.CommandLine;

/// <summary>Reads the <c>VCSYNC_*</c> environment variables, the layer under command-line flags.</summary>
internal static class VcSyncEnvironment
{
    public static string? Get(string name)
    {
        var value = System.Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static bool GetBool(string name) =>
        Get(name) is { } value && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
