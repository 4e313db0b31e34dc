using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;
using VcSync.Storage;
using VcSync.Sync.Secrets;

namespace VcSync.Cli.Commands;

/// <summary><c>vcsync vcenters add|set|remove</c>.</summary>
internal static class VCenterAdminCommands
{
    private static readonly Argument<string> NameArgument = new("name") { Description = "The vCenter's name in VcSync" };

    public static Command Add()
    {
        var url = new Option<string>("--url") { Description = "vCenter URL, e.g. https://vc01.example.com", Required = true };
        var username = new Option<string>("--username", "-u") { Description = "User to log in as", Required = true };
        var disabled = new Option<bool>("--disabled") { Description = "Register it but leave it out of unattended syncs" };
        var command = new Command("add", "Register a vCenter; its password from VCSYNC_PASSWORD or --password-stdin is stored encrypted")
        {
            NameArgument, url, username, CliOptions.PasswordStdin, CliOptions.Thumbprint, CliOptions.Insecure, disabled,
            CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            var name = Name(parse);
            var (thumbprint, insecure) = Tls(parse);
            var password = parse.GetValue(CliOptions.PasswordStdin)
                ? VCentersCommand.ReadPasswordFromStdin()
                : Environment.GetEnvironmentVariable("VCSYNC_PASSWORD") is { Length: > 0 } p ? p : null;
            var uri = ConnectionSettings.ParseUrl(parse.GetValue(url)!);
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            if (await store.FindVCenterByNameAsync(name, cancellationToken) is not null)
            {
                throw new CliException($"a vCenter named '{name}' exists already (change it with 'vcsync vcenters set')", ExitCodes.Failure);
            }

            if (await store.FindVCenterByUrlAsync(uri.ToString(), cancellationToken) is { } sameUrl)
            {
                throw new CliException($"{uri} is registered already, as '{sameUrl.Name}'", ExitCodes.Failure);
            }

            var vcenter = await store.AddVCenterAsync(
                new VCenterRegistration { Name = name, Url = uri.ToString(), Username = parse.GetValue(username)!, TlsThumbprint = thumbprint, TlsInsecure = insecure },
                cancellationToken);
            if (parse.GetValue(disabled))
            {
                vcenter = vcenter with { Enabled = false };
                await store.UpdateVCenterAsync(vcenter, cancellationToken);
            }

            if (password is not null)
            {
                await VCentersCommand.StorePasswordAsync(store, vcenter, password, cancellationToken);
            }
            else
            {
                CliConsole.Status($"No password stored: workers will read {VCenterPasswords.VariableFor(name)}.");
            }

            return Done(parse, vcenter, $"Registered vCenter '{name}' ({vcenter.Url}).");
        });
        return command;
    }

    public static Command Set()
    {
        var rename = new Option<string?>("--rename") { Description = "A new name" };
        var url = new Option<string?>("--url") { Description = "A new URL" };
        var username = new Option<string?>("--username", "-u") { Description = "A new user name" };
        var enable = new Option<bool>("--enable") { Description = "Include it in unattended syncs" };
        var disable = new Option<bool>("--disable") { Description = "Leave it out of unattended syncs" };
        var clearPassword = new Option<bool>("--clear-password") { Description = "Forget the stored password (workers then read VCSYNC_PASSWORD_<NAME>)" };
        var command = new Command("set", "Change a vCenter: name, URL, user, TLS, enabled, or its stored password (--password-stdin)")
        {
            NameArgument, rename, url, username, CliOptions.Thumbprint, CliOptions.Insecure, enable, disable, CliOptions.PasswordStdin,
            clearPassword, CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            if (parse.GetValue(enable) && parse.GetValue(disable))
            {
                throw new CliException("--enable and --disable exclude each other");
            }

            if (parse.GetValue(CliOptions.PasswordStdin) && parse.GetValue(clearPassword))
            {
                throw new CliException("--password-stdin and --clear-password exclude each other");
            }

            var (thumbprint, insecure) = Tls(parse);
            var password = parse.GetValue(CliOptions.PasswordStdin) ? VCentersCommand.ReadPasswordFromStdin() : null;
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var vcenter = await DatabaseSettings.FindVCenterAsync(store, Name(parse), cancellationToken);
            var changed = vcenter with
            {
                Name = parse.GetValue(rename) is { } newName ? ValidName(newName) : vcenter.Name,
                Url = parse.GetValue(url) is { } newUrl ? ConnectionSettings.ParseUrl(newUrl).ToString() : vcenter.Url,
                Username = parse.GetValue(username) ?? vcenter.Username,
                TlsThumbprint = thumbprint ?? (insecure ? null : vcenter.TlsThumbprint),
                TlsInsecure = thumbprint is null && (insecure || vcenter.TlsInsecure),
                Enabled = parse.GetValue(enable) || (!parse.GetValue(disable) && vcenter.Enabled),
            };
            await store.UpdateVCenterAsync(changed, cancellationToken);
            if (password is not null)
            {
                await VCentersCommand.StorePasswordAsync(store, changed, password, cancellationToken);
            }
            else if (parse.GetValue(clearPassword))
            {
                await store.Passwords().SetEncryptedPasswordAsync(changed.Id, null, cancellationToken);
            }

            return Done(parse, changed, $"Updated vCenter '{changed.Name}'.");
        });
        return command;
    }

    public static Command Remove()
    {
        var command = new Command("remove", "Unregister a vCenter and delete its inventory rows and jobs")
        {
            NameArgument, CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var vcenter = await DatabaseSettings.FindVCenterAsync(store, Name(parse), cancellationToken);
            await store.RemoveVCenterAsync(vcenter.Id, cancellationToken);
            return Done(parse, vcenter, $"Removed vCenter '{vcenter.Name}' and its inventory.");
        });
        return command;
    }

    private static int Done(ParseResult parse, VCenterRow vcenter, string message)
    {
        if (parse.GetValue(CliOptions.Json))
        {
            CliConsole.WriteJson(vcenter, CliConsole.Json.VCenterRow);
        }
        else
        {
            CliConsole.Out.WriteLine(message);
        }

        return ExitCodes.Success;
    }

    private static string Name(ParseResult parse) => ValidName(parse.GetValue(NameArgument)!);

    private static string ValidName(string name) =>
        string.IsNullOrWhiteSpace(name) || name != name.Trim()
            ? throw new CliException($"'{name}' is not a vCenter name (empty, or white space around it)")
            : name;

    private static (string? Thumbprint, bool Insecure) Tls(ParseResult parse)
    {
        var thumbprint = parse.GetValue(CliOptions.Thumbprint);
        var insecure = parse.GetValue(CliOptions.Insecure);
        return insecure && thumbprint is not null
            ? throw new CliException("--insecure and --thumbprint exclude each other: pin the certificate or skip the check, not both")
            : (thumbprint, insecure);
    }
}
