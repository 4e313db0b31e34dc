namespace VcSync.Cli.CommandLine;

/// <summary>The process exit codes: 0 only on success.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;
}
