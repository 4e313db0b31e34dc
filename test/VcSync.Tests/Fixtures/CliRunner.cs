using System.Diagnostics;
using VcSync.Tests.Support;

namespace VcSync.Tests.Fixtures;

/// <summary>Runs the real <c>vcsync</c> CLI (built next to the tests) as a child process, as a user would.</summary>
public static class CliRunner
{
    /// <summary>The exit code, standard output and standard error of <c>vcsync ARGS</c>.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(CliExecutable.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        CliExecutable.AddLauncherArguments(start);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only what the test passes decides the database.
        start.Environment.Remove("VCSYNC_DB");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start vcsync.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
