using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VcSync.Storage;
using VcSync.Storage.Jobs;
using VcSync.Sync.Secrets;

namespace VcSync.Sync.Jobs;

/// <summary>
/// The worker process on the .NET Generic Host: the worker loop and, with a schedule, the scheduler. The host's
/// console lifetime turns SIGTERM and Ctrl+C into a graceful stop (see <see cref="JobRunner"/> for what happens to the
/// running job).
/// </summary>
public static class WorkerHost
{
    /// <summary>Builds the host on an open, migrated store; the caller runs it and disposes the store after.</summary>
    /// <param name="store">The store.</param>
    /// <param name="options">The job worker's options.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="watch">With <c>--watch</c>: the watcher's options; every enabled vCenter is then watched (one watcher per vCenter across workers).</param>
    /// <param name="retention">How long the change history is kept; the worker prunes it hourly.</param>
    public static IHost Build(
        IInventoryStore store, WorkerOptions options, ILoggerFactory loggerFactory, Watch.WatchOptions? watch = null, Watch.HistoryRetention? retention = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.Configure<HostOptions>(host =>
        {
            // Room for the running job's grace period and for recording its outcome.
            host.ShutdownTimeout = options.ShutdownGrace + TimeSpan.FromSeconds(30);
        });
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        AddSyncWorker(builder.Services, store, options);
        builder.Services.AddSingleton(retention ?? Watch.HistoryRetention.Default);
        builder.Services.AddHostedService<Watch.HistoryPruneService>();
        if (watch is not null)
        {
            builder.Services.AddSingleton(watch);
            builder.Services.AddHostedService<Watch.WatchWorkerService>();
        }

        return builder.Build();
    }

    /// <summary>
    /// Adds the worker loop (and, with a schedule, the scheduler) to a host's services, for hosts that run it beside
    /// other things (<c>vcsync serve --worker</c>). The host must provide logging.
    /// </summary>
    public static IServiceCollection AddSyncWorker(this IServiceCollection services, IInventoryStore store, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton(store);
        services.AddSingleton<IJobStore>(_ => store.Jobs());
        services.AddSingleton(_ => new VCenterPasswords(store.Passwords()));
        services.AddSingleton<JobRunner>();
        services.AddHostedService<SyncWorkerService>();
        if (options.Schedule is not null)
        {
            services.AddHostedService<SyncScheduleService>();
        }

        return services;
    }
}
