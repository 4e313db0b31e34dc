using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Sync.FullSync;

namespace VcSync.Cli.Commands;

/// <summary><c>vcsync demo</c>: start the bundled vCenter simulator and sync it into the database.</summary>
internal static class DemoCommand
{
    public const string Name = "demo";

    /// <summary>The command's line in <c>vcsync --help</c>.</summary>
    public const string Description = "Start the bundled vCenter simulator and sync it into the database";

    private const string DemoName = "demo";

    public static Command Create()
    {
        var size = new Option<string>("--size")
        {
            Description = "Simulated world: small, plan (1,500 VMs), 10k or max (45,000 VMs)",
            DefaultValueFactory = _ => "plan",
        };
        size.AcceptOnlyFromAmong("small", "plan", "10k", "max");
        var command = new Command(Name, Description)
        {
            CliOptions.Database, CliOptions.Json, CliOptions.Deadline, size,
        };
        CommandActions.Set(command, LogLevel.Information, async (parse, loggerFactory, cancellationToken) =>
        {
            CliConsole.Status($"demo: starting the vCenter simulator ({parse.GetValue(size)})...");
            await using var simulator = await SimulatorProcess.StartAsync(
                new SimulatorOptions { Size = parse.GetValue(size)! }, cancellationToken);
            CliConsole.Status($"demo: simulator listening at {simulator.SdkUrl}");
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var vcenter = await RegisterDemoAsync(store, simulator, cancellationToken);
            var target = new SyncTarget { VCenter = vcenter, Password = simulator.Password, Deadline = DeadlineSetting.Resolve(parse) };
            var sync = new FullInventorySync(store, loggerFactory);
            var result = await SyncProgressRenderer.RunAsync(
                quiet: false, progress => sync.RunAsync(target, progress, cancellationToken));
            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(result, CliConsole.Json.SyncResult);
            }
            else
            {
                SyncResultTable.Render(vcenter.Name, result);
                CliConsole.Out.MarkupLine(Markup.Escape($"Database: {DatabaseSettings.Resolve(parse)}  (try: ./vcsync vms, ./vcsync hosts, ./vcsync networks)"));
            }

            return ExitCodes.Success;
        }, cleansUpOnSignal: true);
        return command;
    }

    // The simulator listens on a new port with a new certificate each run: the "demo" row follows it.
    private static async Task<VCenterRow> RegisterDemoAsync(IInventoryStore store, SimulatorProcess simulator, CancellationToken cancellationToken)
    {
        var url = simulator.SdkUrl.ToString();
        if (await store.FindVCenterByNameAsync(DemoName, cancellationToken) is { } existing)
        {
            var moved = existing with { Url = url, Username = simulator.Username, TlsThumbprint = simulator.Thumbprint, TlsInsecure = false };
            await store.UpdateVCenterAsync(moved, cancellationToken);
            return moved;
        }

        return await store.AddVCenterAsync(
            new VCenterRegistration { Name = DemoName, Url = url, Username = simulator.Username, TlsThumbprint = simulator.Thumbprint },
            cancellationToken);
    }
}
