using System.CommandLine;
using Microsoft.Extensions.Logging;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;
using VcSync.Sync.FullSync;
using VcSync.Sync.Incremental;

namespace VcSync.Cli.Commands;

/// <summary><c>vcsync sync</c>: one full sync of one vCenter into the database.</summary>
internal static class SyncCommand
{
    public const string Name = "sync";

    /// <summary>The command's line in <c>vcsync --help</c>.</summary>
    public const string Description = "Sync one vCenter's inventory into the database";

    public static Command Create()
    {
        var name = new Option<string?>("--name") { Description = "Name to register the vCenter under (default: its host name)" };
        var incremental = new Option<bool>("--incremental")
        {
            Description = "Keep the vCenter session and a change collector between runs (the session cookie in ~/.local/state/vcsync, mode 0600); when nothing changed since the last sync, read nothing more",
        };
        var pageSize = new Option<int?>("--page-size") { Description = $"Objects per PropertyCollector page to ask for at most (default {SyncTarget.DefaultMaxObjectsPerPage}; a small inventory's VMs come in smaller pages, and the server may cut pages smaller)" };
        var command = new Command(Name, Description)
        {
            CliOptions.Url, CliOptions.Username, CliOptions.PasswordStdin, CliOptions.Insecure, CliOptions.Thumbprint,
            CliOptions.Timeout, CliOptions.Deadline, CliOptions.Retries, CliOptions.RetryDelay, name, CliOptions.Database, CliOptions.Json, pageSize, incremental,
        };
        CommandActions.Set(command, LogLevel.Information, async (parse, loggerFactory, cancellationToken) =>
        {
            var connection = ConnectionSettings.Resolve(parse);
            var retry = RetrySettings.Resolve(parse);
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var vcenter = await VCenterRegistry.FindOrRegisterAsync(
                store, connection.Url, connection.Username, parse.GetValue(name), connection.Thumbprint, connection.Insecure, cancellationToken);
            var target = new SyncTarget
            {
                VCenter = vcenter with
                {
                    Username = connection.Username,
                    TlsThumbprint = connection.Thumbprint,
                    TlsInsecure = connection.Insecure,
                },
                Password = connection.Password,
                CallTimeout = connection.CallTimeout,
                Deadline = DeadlineSetting.Resolve(parse),
                Retry = retry,
                MaxObjectsPerPage = parse.GetValue(pageSize) ?? SyncTarget.DefaultMaxObjectsPerPage,
                Sessions = parse.GetValue(incremental) ? FileSessionCookieStore.Default() : null,
            };
            var json = parse.GetValue(CliOptions.Json);
            var sync = new FullInventorySync(store, loggerFactory);
            // With --json, standard error carries nothing but a failure's one line: no progress.
            var result = json
                ? await sync.RunAsync(target, null, cancellationToken)
                : await SyncProgressRenderer.RunAsync(quiet: false, progress => sync.RunAsync(target, progress, cancellationToken));
            if (json)
            {
                CliConsole.WriteJson(result, CliConsole.Json.SyncResult);
            }
            else
            {
                SyncResultTable.Render(vcenter.Name, result);
            }

            return ExitCodes.Success;
        }, cleansUpOnSignal: true);
        return command;
    }
}
