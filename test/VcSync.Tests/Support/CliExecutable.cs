using System.Diagnostics;

namespace VcSync.Tests.Support;

/// <summary>
/// Which <c>vcsync</c> the tests run as a child process: the native executable named by <c>VCSYNC_TEST_CLI</c>
/// (test.sh builds it with <c>./vcsync</c> and sets it), else the JIT build's <c>vcsync.dll</c> next to the tests.
/// </summary>
public static class CliExecutable
{
    /// <summary>The variable naming a native <c>vcsync</c> to test instead of <c>dotnet vcsync.dll</c>.</summary>
    public const string Variable = "VCSYNC_TEST_CLI";

    private static string? Native => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : null;

    /// <summary>The program to start: the native executable, or <c>dotnet</c>.</summary>
    public static string FileName => Native ?? "dotnet";

    /// <summary>Adds what comes before vcsync's own arguments: <c>vcsync.dll</c> when it runs on <c>dotnet</c>.</summary>
    public static void AddLauncherArguments(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (Native is { } native)
        {
            Assert.True(File.Exists(native), $"{Variable}={native} does not exist");
            return;
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "vcsync.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");
        start.ArgumentList.Add(dll);
    }
}
