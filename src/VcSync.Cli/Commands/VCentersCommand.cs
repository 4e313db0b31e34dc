using System.CommandLine;
using Microsoft.Extensions.Logging;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;
using VcSync.Storage;
using VcSync.Sync.Secrets;

namespace VcSync.Cli.Commands;

/// <summary>
/// <c>vcsync vcenters [list|add|set|remove]</c>: the registered vCenters. Passwords for unattended workers are stored
/// encrypted (AES-GCM, key outside the database) or come from <c>VCSYNC_PASSWORD_&lt;NAME&gt;</c>.
/// </summary>
internal static class VCentersCommand
{
    public const string Name = "vcenters";

    /// <summary>The command's line in <c>vcsync --help</c>.</summary>
    public const string Description = "Registered vCenters and their last sync; add, change or remove them";

    public static Command Create()
    {
        var command = new Command(Name, Description)
        {
            CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, ListAsync);
        var list = new Command("list", "Registered vCenters and their last sync") { CliOptions.Database, CliOptions.Json };
        CommandActions.Set(list, LogLevel.Warning, ListAsync);
        command.Subcommands.Add(list);
        command.Subcommands.Add(VCenterAdminCommands.Add());
        command.Subcommands.Add(VCenterAdminCommands.Set());
        command.Subcommands.Add(VCenterAdminCommands.Remove());
        return command;
    }

    private static async Task<int> ListAsync(ParseResult parse, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
        var vcenters = await store.ListVCentersAsync(cancellationToken);
        if (parse.GetValue(CliOptions.Json))
        {
            CliConsole.WriteJson(vcenters, CliConsole.Json.IReadOnlyListVCenterRow);
            return ExitCodes.Success;
        }

        var rows = vcenters.Select(v => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["name"] = v.Name,
            ["url"] = v.Url,
            ["username"] = v.Username,
            ["enabled"] = v.Enabled,
            ["api_version"] = v.ApiVersion,
            ["last_sync_at"] = v.LastSyncAt,
            ["last_sync_status"] = v.LastSyncStatus?.ToText(),
            ["last_sync_error"] = v.LastSyncError,
        }).ToList();
        RowTable.Render(
            rows,
            ["name", "url", "username", "enabled", "api_version", "last_sync_at", "last_sync_status", "last_sync_error"],
            $"{rows.Count} vCenters");
        return ExitCodes.Success;
    }

    /// <summary>Reads a password from the first line of standard input.</summary>
    internal static string ReadPasswordFromStdin()
    {
        var line = Console.In.ReadLine();
        return string.IsNullOrEmpty(line) ? throw new CliException("--password-stdin: standard input held no password") : line;
    }

    /// <summary>Encrypts and stores the password; one line says where the key is.</summary>
    internal static async Task StorePasswordAsync(IInventoryStore store, VCenterRow vcenter, string password, CancellationToken cancellationToken)
    {
        await VCenterPasswords.StoreAsync(store.Passwords(), vcenter.Id, password, cancellationToken);
        var key = Environment.GetEnvironmentVariable(SecretKey.KeyVariable) is { Length: > 0 }
            ? SecretKey.KeyVariable
            : Environment.GetEnvironmentVariable(SecretKey.KeyFileVariable) is { Length: > 0 } file ? file : SecretKey.DefaultKeyFile;
        CliConsole.Status($"Password of '{vcenter.Name}' stored encrypted (key: {key}; workers need the same key).");
    }
}
