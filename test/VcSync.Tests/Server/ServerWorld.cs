using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Storage.Servers;
using VcSync.Sync.FullSync;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Server;

/// <summary>
/// The world of the server tests: one small simulator, synced once into a SQLite file and once into a PostgreSQL
/// database as the vCenter <see cref="VCenterName"/>, with two Dell servers imported (one linked to a host, one with a
/// hostile hostname) and a stored encrypted password that must never be served. Its password reaches workers through
/// <c>VCSYNC_PASSWORD_SERVE_SIM</c>, a name no other test uses.
/// </summary>
public sealed class ServerWorld : IAsyncLifetime
{
    public const string VCenterName = "serve-sim";
    public const string StoredCiphertext = "v1:STORED-CIPHERTEXT-MUST-NEVER-BE-SERVED";
    public const string HostileHostname = "<img src=x onerror=\"window.__pwned=1\">idrac&lt;";

    private readonly PostgresServer _postgres;
    private readonly TempDatabase _sqlite = new();

    public ServerWorld(PostgresServer postgres)
    {
        _postgres = postgres;
    }

    public SimulatorProcess Simulator { get; private set; } = null!;

    public IInventoryStore Sqlite { get; private set; } = null!;

    public IInventoryStore Postgres { get; private set; } = null!;

    /// <summary>The service tag of the server linked to a host.</summary>
    public string LinkedTag { get; private set; } = null!;

    public IInventoryStore Store(string kind) => kind == "postgres" ? Postgres : Sqlite;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = "small" }, ct);
        Environment.SetEnvironmentVariable("VCSYNC_PASSWORD_SERVE_SIM", Simulator.Password);
        Sqlite = await _sqlite.OpenAsync();
        Postgres = await InventoryStoreFactory.OpenAsync(await _postgres.CreateDatabaseAsync("serve"), null, ct);
        foreach (var store in new[] { Sqlite, Postgres })
        {
            var vcenter = await RegisterAsync(store, VCenterName);
            await new FullInventorySync(store, NullLoggerFactory.Instance).RunAsync(
                new SyncTarget { VCenter = vcenter, Password = Simulator.Password }, null, ct);
            await store.Passwords().SetEncryptedPasswordAsync(vcenter.Id, StoredCiphertext, ct);
            var host = (await store.ListRowsAsync("vcenter_hosts", vcenter.Id, ct))
                .First(h => VcSync.Inventory.ServiceTagRules.NormalizeForLinking(h["serial_number"] as string) is { } serial
                            && !serial.Contains(' ', StringComparison.Ordinal));
            LinkedTag = VcSync.Inventory.ServiceTagRules.NormalizeForLinking((string)host["serial_number"]!)!;
            await store.ImportServersAsync(
                [
                    new ServerImportRow { ServiceTag = LinkedTag, Hostname = "r740-linked", Model = "PowerEdge R740", IdracIp = "192.0.2.10" },
                    new ServerImportRow { ServiceTag = "HOSTILE1", Hostname = HostileHostname, Model = "PowerEdge R650", IdracIp = "javascript:alert(1)" },
                ],
                DateTimeOffset.UtcNow,
                ct);
        }
    }

    /// <summary>Registers the simulator under <paramref name="name"/>; <paramref name="url"/> overrides its URL (e.g. a dead one).</summary>
    public Task<VCenterRow> RegisterAsync(IInventoryStore store, string name, string? url = null) =>
        store.AddVCenterAsync(
            new VCenterRegistration
            {
                Name = name,
                Url = url ?? Simulator.SdkUrl.ToString(),
                Username = Simulator.Username,
                TlsThumbprint = Simulator.Thumbprint,
            },
            TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Sqlite.DisposeAsync();
        await Postgres.DisposeAsync();
        await _sqlite.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
