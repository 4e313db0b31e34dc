using System.Diagnostics;

namespace VcSync.Tests.Support;

/// <summary>The built <c>vcsync</c> run as a separate process, as a user or a script would run it.</summary>
public static class CliProcess
{
    /// <summary>What one run printed and returned.</summary>
    public sealed record Run(int ExitCode, string StandardOutput, string StandardError)
    {
        /// <summary>Standard error's non-empty lines.</summary>
        public IReadOnlyList<string> ErrorLines =>
            StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public override string ToString() => $"exit {ExitCode}\n--- stdout:\n{StandardOutput}\n--- stderr:\n{StandardError}";
    }

    /// <summary>
    /// Starts <c>vcsync</c> (see <see cref="CliExecutable"/>) as <see cref="RunAsync"/> does, with standard input, output and error redirected,
    /// for a test that acts on the running process (e.g. sends it a signal).
    /// </summary>
    public static Process Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(CliExecutable.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        CliExecutable.AddLauncherArguments(start);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("VCSYNC_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start vcsync");
    }

    /// <summary>
    /// Runs <c>vcsync</c> (see <see cref="CliExecutable"/>) with <paramref name="arguments"/>; no
    /// <c>VCSYNC_*</c> variable of the test's environment leaks in, <paramref name="environment"/> is added;
    /// <paramref name="standardInput"/>, if any, is what it reads (e.g. for <c>--password-stdin</c>).
    /// </summary>
    public static async Task<Run> RunAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null)
    {
        using var process = Start(arguments, environment);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Run(process.ExitCode, await output, await error);
    }
}
