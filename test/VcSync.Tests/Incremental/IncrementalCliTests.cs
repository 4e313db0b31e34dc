using System.Runtime.Versioning;
using System.Text.Json;
using VcSync.Simulator;
using VcSync.Tests.Support;

namespace VcSync.Tests.Incremental;

/// <summary><c>vcsync sync --incremental --json</c> as a user runs it twice: the second run reads no inventory.</summary>
[Collection(SimulatorCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class IncrementalCliTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vcsync-incremental-cli-").FullName;
    private SimulatorProcess _simulator = null!;

    public async ValueTask InitializeAsync() => _simulator = await SimulatorFixture.StartDedicatedAsync();

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_second_incremental_sync_prints_one_document_of_unchanged_rows_from_a_handful_of_calls()
    {
        var first = await RunAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        using var firstResult = JsonDocument.Parse(first.StandardOutput);
        var cookie = Assert.Single(Directory.GetFiles(Path.Combine(_directory, "state", "sessions")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cookie));

        var second = await RunAsync();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(second.StandardError.Length == 0, second.ToString());
        using var secondResult = JsonDocument.Parse(second.StandardOutput);
        var vms = secondResult.RootElement.GetProperty("vms");
        Assert.Equal(firstResult.RootElement.GetProperty("vms").GetProperty("new").GetInt32(), vms.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, vms.GetProperty("new").GetInt32() + vms.GetProperty("updated").GetInt32() + vms.GetProperty("deleted").GetInt32());
        Assert.Equal(firstResult.RootElement.GetProperty("total_objects").GetInt32(), secondResult.RootElement.GetProperty("total_objects").GetInt32());
        // RetrieveServiceContent, the session's check, WaitForUpdatesEx, the triggered alarms and their names.
        Assert.Equal(5, secondResult.RootElement.GetProperty("soap_calls").GetInt32());
    }

    private Task<CliProcess.Run> RunAsync() =>
        CliProcess.RunAsync(
            ["sync", "--url", _simulator.SdkUrl.ToString(), "--username", _simulator.Username, "--thumbprint", _simulator.Thumbprint,
             "--db", Path.Combine(_directory, "vcsync.db"), "--incremental", "--json"],
            new Dictionary<string, string> { ["VCSYNC_PASSWORD"] = _simulator.Password, ["VCSYNC_STATE_DIR"] = Path.Combine(_directory, "state") });
}
