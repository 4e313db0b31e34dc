using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VcSync.Cli.CommandLine;
using VcSync.Server;
using VcSync.Server.Hosting;
using VcSync.Sync.Jobs;
using VcSync.Sync.Watch;

namespace VcSync.Cli.Commands;

/// <summary>
/// <c>vcsync serve</c>: the web dashboard, the HTTP API and the metrics, until stopped (SIGTERM, Ctrl+C); with
/// <c>--worker</c> and <c>--watch</c>, the job worker and the watchers in the same process.
/// </summary>
internal static class ServeCommand
{
    public const string Name = "serve";

    /// <summary>The command's line in <c>vcsync --help</c>.</summary>
    public const string Description = "Serve the dashboard, the HTTP API (/api/v1, /openapi/v1.json) and Prometheus metrics (/metrics)";

    public static Command Create()
    {
        var listen = new Option<string>("--listen")
        {
            Description = "Address and port to listen on; beyond loopback a token is required",
            DefaultValueFactory = _ => "127.0.0.1:8080",
        };
        var tokenFile = new Option<string?>("--token-file")
        {
            Description = "Read the API token from this file (else env VCSYNC_API_TOKEN); writes need it, and reads too beyond loopback",
        };
        var anonymousRead = new Option<bool>("--allow-anonymous-read") { Description = "Beyond loopback, let GET requests through without the token" };
        var worker = new Option<bool>("--worker") { Description = "Also run the job worker in this process" };
        var incremental = new Option<bool>("--incremental") { Description = "With --worker: sync incrementally, as sync --incremental does" };
        var watch = new Option<bool>("--watch") { Description = "Also keep every enabled vCenter live in this process (one watcher per vCenter across all workers)" };
        var alarmInterval = WatchOptionsParser.AlarmInterval();
        var historyDays = new Option<int>("--history-days")
        {
            Description = "With --worker or --watch: keep the change history this many days",
            DefaultValueFactory = _ => 90,
        };
        var command = new Command(Name, Description)
        {
            CliOptions.Database, listen, tokenFile, anonymousRead, worker, incremental, watch, alarmInterval, historyDays, CliOptions.Timeout,
        };
        CommandActions.Set(command, LogLevel.Information, async (parse, loggerFactory, cancellationToken) =>
        {
            var options = new ServeOptions
            {
                Listen = Parse(parse.GetValue(listen)!),
                Token = ReadToken(parse.GetValue(tokenFile)),
                AllowAnonymousRead = parse.GetValue(anonymousRead),
                Worker = parse.GetValue(worker)
                    ? new WorkerOptions { Sessions = parse.GetValue(incremental) ? VcSync.Sync.Incremental.FileSessionCookieStore.Default() : null }
                    : parse.GetValue(incremental) ? throw new CliException("--incremental needs --worker") : null,
                Watch = parse.GetValue(watch) ? WatchOptionsParser.Resolve(parse, alarmInterval, null) : null,
                HistoryRetention = parse.GetValue(historyDays) > 0
                    ? new HistoryRetention(TimeSpan.FromDays(parse.GetValue(historyDays)))
                    : throw new CliException("--history-days must be positive"),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException exception)
            {
                throw new CliException(exception.Message);
            }

            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            await using var app = VcSyncServer.Build(store, options, loggerFactory);
            await app.StartAsync(cancellationToken);
            Console.Out.WriteLine($"VcSync is serving on {VcSyncServer.BaseAddress(app)}");
            Console.Out.Flush();
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static System.Net.IPEndPoint Parse(string value)
    {
        try
        {
            return ListenAddress.Parse(value);
        }
        catch (FormatException exception)
        {
            throw new CliException(exception.Message);
        }
    }

    private static string? ReadToken(string? file)
    {
        if (file is null)
        {
            return VcSyncEnvironment.Get("VCSYNC_API_TOKEN")?.Trim();
        }

        try
        {
            var token = File.ReadAllText(file).Trim();
            return token.Length > 0 ? token : throw new CliException($"--token-file {file} is empty");
        }
        catch (IOException exception)
        {
            throw new CliException($"cannot read --token-file {file}: {exception.Message}");
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new CliException($"cannot read --token-file {file}: {exception.Message}");
        }
    }
}
