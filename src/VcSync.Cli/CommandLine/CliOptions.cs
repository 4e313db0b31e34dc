using System.CommandLine;

namespace VcSync.Cli.CommandLine;

/// <summary>The options several commands share; each falls back to a <c>VCSYNC_*</c> environment variable.</summary>
internal static class CliOptions
{
    public static Option<string?> Url { get; } = new("--url")
    {
        Description = "vCenter URL, e.g. https://vc01.example.com (env VCSYNC_URL)",
    };

    public static Option<string?> Username { get; } = new("--username", "-u")
    {
        Description = "vCenter user name (env VCSYNC_USERNAME)",
    };

    public static Option<bool> PasswordStdin { get; } = new("--password-stdin")
    {
        Description = "Read the password from the first line of standard input (else env VCSYNC_PASSWORD)",
    };

    public static Option<bool> Insecure { get; } = new("--insecure", "-k")
    {
        Description = "Skip TLS certificate verification (env VCSYNC_INSECURE=true)",
    };

    public static Option<string?> Thumbprint { get; } = new("--thumbprint")
    {
        Description = "Trust the server certificate with this SHA-256 thumbprint (env VCSYNC_THUMBPRINT)",
    };

    public static Option<int> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds any one vCenter call may take",
        DefaultValueFactory = _ => 60,
    };

    public static Option<string?> Deadline { get; } = new("--deadline")
    {
        Description = "The longest a whole sync may take, retries included, e.g. 90s or 30m (env VCSYNC_DEADLINE; default 10m)",
    };

    public static Option<int?> Retries { get; } = new("--retries")
    {
        Description = "Retries after a transient vCenter failure, each starting the fetch over (env VCSYNC_RETRIES; default 3)",
    };

    public static Option<double?> RetryDelay { get; } = new("--retry-delay")
    {
        Description = "Seconds before the first retry, doubling with jitter up to 30 (env VCSYNC_RETRY_DELAY; default 1)",
    };

    public static Option<string?> Database { get; } = new("--db")
    {
        Description = "SQLite file or PostgreSQL connection string (env VCSYNC_DB; default ./vcsync.db)",
    };

    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print exactly one JSON document on standard output",
    };

    public static Option<string?> VCenter { get; } = new("--vcenter")
    {
        Description = "Only this vCenter (by name)",
    };

    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log details to standard error",
        Recursive = true,
    };
}
