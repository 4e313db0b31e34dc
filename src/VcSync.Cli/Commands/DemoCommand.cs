using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;
using VcSync.Simulator;
using VcSync.Sync.FullSync;

namespace VcSync.Cli.Commands;

/// <summary><c>vcsync demo</c>: start the bundled vCenter simulator and sync it into the database.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var size = new Option<string>("--size")
        {
            Description = "Simulated world: small, plan (1,500 VMs), 10k or max (45,000 VMs)",
            DefaultValueFactory = _ => "plan",
        };
        size.AcceptOnlyFromAmong("small", "plan", "10k", "max");
        var command = new Command("demo", "Start the bundled vCenter simulator and sync it into the database")
        {
            CliOptions.Database, CliOptions.Json, size,
        };
        CommandActions.Set(command, LogLevel.Information, async (parse, loggerFactory, cancellationToken) =>
        {
            CliConsole.Status($"demo: starting the vCenter simulator ({parse.GetValue(size)})...");
            await using var simulator = await SimulatorProcess.StartAsync(
                new SimulatorOptions { Size = parse.GetValue(size)! }, cancellationToken);
            CliConsole.Status($"demo: simulator listening at {simulator.SdkUrl}");
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var vcenter = await VCenterRegistry.FindOrRegisterAsync(
                store, simulator.SdkUrl, simulator.Username, "demo", simulator.Thumbprint, insecure: false, cancellationToken);

            // The simulator picks a new port and certificate each run: keep the demo row pointing at this one.
            var target = new SyncTarget
            {
                VCenter = vcenter with { Url = simulator.SdkUrl.ToString(), TlsThumbprint = simulator.Thumbprint, TlsInsecure = false },
                Password = simulator.Password,
            };
            var sync = new FullInventorySync(store, loggerFactory);
            var result = await SyncProgressRenderer.RunAsync(
                quiet: false, progress => sync.RunAsync(target, progress, cancellationToken));
            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(result);
            }
            else
            {
                SyncResultTable.Render(vcenter.Name, result);
                CliConsole.Out.MarkupLine(Markup.Escape($"Database: {DatabaseSettings.Resolve(parse)}  (try: ./vcsync vms, ./vcsync hosts, ./vcsync networks)"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
