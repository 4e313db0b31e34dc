namespace VcSync.Cli.CommandLine;

/// <summary>The process exit codes: 0 only on success.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    /// <summary>Cancelled, by SIGINT (Ctrl-C) or otherwise: 128 + 2.</summary>
    public const int Cancelled = 130;

    /// <summary>Cancelled by SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;
}
