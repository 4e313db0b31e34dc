using System.Diagnostics;
using VcSync.Simulator;
using VcSync.Tests.Support;

namespace VcSync.Tests.Cli;

/// <summary>
/// SIGINT and SIGTERM sent to a real <c>vcsync</c> process in the middle of a retrieval: it cancels the live token,
/// destroys its view, logs out, rolls back, records <c>cancelled</c> and exits with 130 or 143.
/// </summary>
public sealed class SignalTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("vcsync-signal-").FullName;
    private SimulatorProcess _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_directory, "vcsync.db");

    public async ValueTask InitializeAsync() => _simulator = await SimulatorFixture.StartDedicatedAsync();

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("sync", "INT", 130)]
    [InlineData("sync", "TERM", 143)]
    [InlineData("probe", "INT", 130)]
    public async Task A_signal_mid_retrieval_cleans_up_on_vCenter_rolls_back_and_exits_with_its_code(string command, string signal, int exitCode)
    {
        var first = await CliProcess.RunAsync(Arguments("sync"), Password);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = await SqliteDump.AllTablesAsync(Database);
        var idle = await _simulator.GetStatusAsync(Ct);
        Assert.Equal(0, idle.OpenTokens);

        // 200 ms per call and pages of 5: the retrieval takes seconds, so the signal lands in the middle of it.
        await _simulator.SetDelayAsync(TimeSpan.FromMilliseconds(200), Ct);
        await _simulator.ResetCallCountsAsync(Ct);
        using var process = CliProcess.Start([.. Arguments(command), "--page-size", "5"], Password);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        try
        {
            await WaitForPagesAsync(process, 2);
            await SendSignalAsync(process.Id, signal);
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            patience.CancelAfter(Patience);
            await process.WaitForExitAsync(patience.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var run = new CliProcess.Run(process.ExitCode, await output, await error);
        await _simulator.SetDelayAsync(TimeSpan.Zero, Ct);
        var after = await _simulator.GetStatusAsync(Ct);
        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Equal(string.Empty, run.StandardOutput);
        Assert.Equal(idle.OpenSessions, after.OpenSessions);
        Assert.Equal(0, after.OpenTokens);
        Assert.Equal(after.Calls["Login"], after.Calls.GetValueOrDefault("Logout"));
        Assert.Equal(after.Calls["CreateContainerView"], after.Calls.GetValueOrDefault("DestroyView"));
        Assert.True(after.Calls.GetValueOrDefault("CancelRetrievePropertiesEx") >= 1, run.ToString());
        DatabaseAssert.InventoryUnchanged(before, await SqliteDump.AllTablesAsync(Database));
        var status = await SqliteDump.ScalarAsync(Database, "SELECT last_sync_status FROM vcenters");
        Assert.Equal(command == "sync" ? "cancelled" : "completed", status);
    }

    private string[] Arguments(string command) => command == "sync"
        ? ["sync", "--url", _simulator.SdkUrl.ToString(), "--username", _simulator.Username, "--thumbprint", _simulator.Thumbprint, "--db", Database, "--json"]
        : ["probe", "--url", _simulator.SdkUrl.ToString(), "--username", _simulator.Username, "--thumbprint", _simulator.Thumbprint, "--json"];

    private Dictionary<string, string> Password => new() { ["VCSYNC_PASSWORD"] = _simulator.Password };

    private async Task WaitForPagesAsync(Process process, int continuations)
    {
        var watch = Stopwatch.StartNew();
        while ((await _simulator.GetStatusAsync(Ct)).Calls.GetValueOrDefault("ContinueRetrievePropertiesEx") < continuations)
        {
            Assert.False(process.HasExited, "vcsync ended before the retrieval was under way");
            Assert.True(watch.Elapsed < Patience, "the retrieval did not get under way");
            await Task.Delay(50, Ct);
        }
    }

    private static async Task SendSignalAsync(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("bash", ["-c", $"kill -s {signal} {pid}"]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start bash");
        await kill.WaitForExitAsync(Ct);
        Assert.Equal(0, kill.ExitCode);
    }
}
