using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using VcSync.Server.Api;
using VcSync.Server.Dashboard;
using VcSync.Server.Hosting;
using VcSync.Server.Metrics;
using VcSync.Server.Security;
using VcSync.Storage;
using VcSync.Storage.Jobs;
using VcSync.Storage.Reads;
using VcSync.Sync.Jobs;
using VcSync.Sync.Secrets;
using VcSync.Sync.Watch;

namespace VcSync.Server;

/// <summary>
/// <c>vcsync serve</c>: Kestrel with the JSON API under <c>/api/v1</c> (described at <c>/openapi/v1.json</c>), the
/// dashboard, and Prometheus metrics at <c>/metrics</c>, on one store; optionally the job worker and the watchers in the
/// same process.
/// Built from the slim builder with source-generated JSON and compile-time request delegates, so it publishes as
/// Native AOT.
/// </summary>
public static class VcSyncServer
{
    /// <summary>Builds the server on an open, migrated store; the caller runs it and disposes the store after.</summary>
    /// <exception cref="ArgumentException">The options are unsafe, e.g. listening beyond loopback without a token.</exception>
    public static WebApplication Build(IInventoryStore store, ServeOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "vcsync", Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.Listen);
        });
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(host =>
            host.ShutdownTimeout = options.ShutdownTimeout + (options.Worker is { } worker ? worker.ShutdownGrace + TimeSpan.FromSeconds(30) : TimeSpan.Zero));

        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "VcSync API";
            document.Info.Description = "The vCenter inventory VcSync mirrors: lists with search, filters, sort and paging; sync jobs.";
            return Task.CompletedTask;
        }));

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        // Requests beyond a few at once wait their turn instead of exhausting the database's connections: 200
        // clients at once get slower answers, not errors.
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                // An event stream polls slowly for as long as a job runs: it must not hold a place in line.
                context.Request.Path.Value?.EndsWith("/events", StringComparison.Ordinal) == true || context.Request.Path.StartsWithSegments("/static")
                ? RateLimitPartition.GetNoLimiter("unlimited")
                : RateLimitPartition.GetConcurrencyLimiter(
                "database",
                _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = options.MaxConcurrentRequests,
                    QueueLimit = options.MaxQueuedRequests,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));
        });
        builder.Services.AddSingleton(new TokenCheck(options.Token));
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<IInventoryReads>(_ => store.Reads());
        builder.Services.AddSingleton<IJobStore>(_ => store.Jobs());
        builder.Services.AddSingleton<InventoryMetrics>();
        builder.Services.AddSingleton<MetricsRefresh>();
        builder.Services.AddHostedService<PlannerStatisticsService>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(InventoryMetrics.MeterName)
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        if (options.Worker is { } workerOptions)
        {
            builder.Services.AddSyncWorker(store, workerOptions);
        }

        if (options.Watch is { } watchOptions)
        {
            builder.Services.TryAddSingleton(_ => new VCenterPasswords(store.Passwords()));
            builder.Services.AddSingleton(watchOptions);
            builder.Services.AddHostedService<WatchWorkerService>();
        }

        if (options.Worker is not null || options.Watch is not null)
        {
            builder.Services.AddSingleton(options.HistoryRetention);
            builder.Services.AddHostedService<HistoryPruneService>();
        }

        var app = builder.Build();
        // The meter's instruments exist before the first scrape asks for them.
        app.Services.GetRequiredService<InventoryMetrics>();
        app.UseExceptionHandler();
        app.UseMiddleware<SecurityHeaders>();
        app.UseStatusCodePages();
        app.UseMiddleware<AccessControl>();
        app.UseRateLimiter();

        var api = app.MapGroup(ApiLinks.Prefix);
        InventoryEndpoints.Map(api);
        JobEndpoints.Map(api);
        app.MapOpenApi();
        app.MapPrometheusScrapingEndpoint(
            "/metrics",
            meterProvider: null,
            configureBranchedPipeline: branch => branch.Use((context, next) =>
                context.RequestServices.GetRequiredService<MetricsRefresh>().InvokeAsync(context, next)),
            optionsName: null);
        Pages.Map(app);
        return app;
    }

    /// <summary>The base URL a started server answers on (with the port Kestrel picked when asked for port 0).</summary>
    public static Uri BaseAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal) + "/");
    }
}
