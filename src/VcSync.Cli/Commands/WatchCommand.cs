using System.CommandLine;
using Microsoft.Extensions.Logging;
using VcSync.Cli.CommandLine;
using VcSync.Storage;
using VcSync.Sync.FullSync;
using VcSync.Sync.Secrets;
using VcSync.Sync.Watch;

namespace VcSync.Cli.Commands;

/// <summary><c>vcsync watch</c>: keep one vCenter's inventory live in the foreground (WaitForUpdatesEx) until stopped.</summary>
internal static class WatchCommand
{
    public const string Name = "watch";

    /// <summary>The command's line in <c>vcsync --help</c>.</summary>
    public const string Description = "Keep one vCenter's inventory live: a full sync, then every change vCenter reports, until stopped";

    public static Command Create()
    {
        var name = new Option<string?>("--name") { Description = "With --url: the name to register the vCenter under (default: its host name)" };
        var alarmInterval = WatchOptionsParser.AlarmInterval();
        var workerId = new Option<string?>("--worker-id") { Description = "The id on the watcher row (default: host name and process id)" };
        var command = new Command(Name, Description)
        {
            CliOptions.VCenter, CliOptions.Url, CliOptions.Username, CliOptions.PasswordStdin, CliOptions.Insecure, CliOptions.Thumbprint,
            CliOptions.Timeout, name, alarmInterval, workerId, CliOptions.Database,
        };
        CommandActions.Set(command, LogLevel.Information, async (parse, loggerFactory, cancellationToken) =>
        {
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var target = await ResolveTargetAsync(parse, store, name, cancellationToken);
            var options = WatchOptionsParser.Resolve(parse, alarmInterval, workerId);
            var watcher = new VCenterWatcher(store, options, loggerFactory);
            await watcher.RunAsync(target, failFast: true, cancellationToken);
            return cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled : ExitCodes.Success;
        }, cleansUpOnSignal: true);
        return command;
    }

    private static async Task<WatchTarget> ResolveTargetAsync(ParseResult parse, IInventoryStore store, Option<string?> name, CancellationToken cancellationToken)
    {
        if (parse.GetValue(CliOptions.VCenter) is { } vcenterName)
        {
            if (parse.GetValue(CliOptions.Url) is not null)
            {
                throw new CliException("--vcenter and --url exclude each other: watch a registered vCenter or one given by URL");
            }

            var vcenter = await DatabaseSettings.FindVCenterAsync(store, vcenterName, cancellationToken);
            string password;
            try
            {
                password = await new VCenterPasswords(store.Passwords()).ResolveAsync(vcenter, cancellationToken);
            }
            catch (InvalidOperationException exception)
            {
                throw new CliException(exception.Message);
            }

            return new WatchTarget { VCenter = vcenter, Password = password };
        }

        var connection = ConnectionSettings.Resolve(parse);
        var registered = await VCenterRegistry.FindOrRegisterAsync(
            store, connection.Url, connection.Username, parse.GetValue(name), connection.Thumbprint, connection.Insecure, cancellationToken);
        return new WatchTarget
        {
            VCenter = registered with { Username = connection.Username, TlsThumbprint = connection.Thumbprint, TlsInsecure = connection.Insecure },
            Password = connection.Password,
        };
    }
}
