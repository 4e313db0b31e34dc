using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using VcSync.Server.Hosting;
using VcSync.Storage;
using VcSync.Storage.Jobs;
using VcSync.Sync.Jobs;

namespace VcSync.Server.Api;

/// <summary>Jobs: one job, enqueueing a sync, cancelling, and a job's progress as Server-Sent Events.</summary>
internal static class JobEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/jobs/{id:guid}", async (Guid id, IJobStore jobs, CancellationToken cancellationToken) =>
                await jobs.FindAsync(id, cancellationToken) is { } job
                    ? Results.Json(JobResource.From(job), ApiJsonContext.Default.JobResource)
                    : ApiProblems.NotFound($"no job has id {id}"))
            .WithName("get-job").WithTags("jobs").WithSummary("One job with its phases")
            .Produces<JobResource>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/jobs", EnqueueAsync)
            .WithName("enqueue-job").WithTags("jobs").WithSummary("Enqueue a sync of one vCenter; needs the API token")
            .Accepts<EnqueueRequest>("application/json")
            .Produces<JobResource>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/jobs/{id:guid}/cancel", async (Guid id, IJobStore jobs, CancellationToken cancellationToken) =>
            {
                switch (await jobs.RequestCancelAsync(id, cancellationToken))
                {
                    case CancelOutcome.NotFound:
                        return ApiProblems.NotFound($"no job has id {id}");
                    case CancelOutcome.AlreadyFinished:
                        return ApiProblems.Conflict($"job {id} has already ended");
                    default:
                        var job = await jobs.FindAsync(id, cancellationToken);
                        return Results.Json(JobResource.From(job!), ApiJsonContext.Default.JobResource, statusCode: StatusCodes.Status202Accepted);
                }
            })
            .WithName("cancel-job").WithTags("jobs").WithSummary("Cancel a pending job, or ask a running one's worker to stop it; needs the API token")
            .Produces<JobResource>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/jobs/{id:guid}/events", StreamAsync)
            .WithName("job-events").WithTags("jobs")
            .WithSummary("The job's state as Server-Sent Events ('job' events carrying the job), until it ends")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> EnqueueAsync(HttpRequest request, IInventoryStore store, IJobStore jobs, CancellationToken cancellationToken)
    {
        EnqueueRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, ApiJsonContext.Default.EnqueueRequest, cancellationToken);
        }
        catch (JsonException exception)
        {
            return ApiProblems.BadRequest($"the body must be JSON like {{\"vcenter\": \"NAME\"}}: {exception.Message}");
        }

        if (string.IsNullOrWhiteSpace(body?.VCenter))
        {
            return ApiProblems.BadRequest("the body must name the vCenter to sync: {\"vcenter\": \"NAME\"}");
        }

        var vcenter = await store.FindVCenterByNameAsync(body.VCenter, cancellationToken);
        if (vcenter is null)
        {
            return ApiProblems.Unprocessable($"no vCenter is named '{body.VCenter}'");
        }

        var enqueued = await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, skipIfActive: false, cancellationToken);
        var job = await jobs.FindAsync(enqueued[0].Id, cancellationToken) ?? enqueued[0];
        return new LocatedResult(
            Results.Json(JobResource.From(job), ApiJsonContext.Default.JobResource, statusCode: StatusCodes.Status202Accepted),
            ApiLinks.Job(job.Id));
    }

    private static async Task StreamAsync(Guid id, HttpContext context, IJobStore jobs, ServeOptions options)
    {
        var cancellationToken = context.RequestAborted;
        var job = await jobs.FindAsync(id, cancellationToken);
        if (job is null)
        {
            await ApiProblems.NotFound($"no job has id {id}").ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        string? last = null;
        var sinceLastWrite = TimeSpan.Zero;
        while (true)
        {
            var json = JsonSerializer.Serialize(JobResource.From(job), ApiJsonContext.Default.JobResource);
            if (json != last)
            {
                await response.WriteAsync($"event: job\ndata: {json}\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                last = json;
                sinceLastWrite = TimeSpan.Zero;
            }
            else if (sinceLastWrite >= TimeSpan.FromSeconds(15))
            {
                // A comment keeps proxies from closing a quiet stream.
                await response.WriteAsync(": still running\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                sinceLastWrite = TimeSpan.Zero;
            }

            if (job.Status.IsFinished())
            {
                await response.WriteAsync("event: end\ndata: {}\n\n", cancellationToken);
                return;
            }

            await Task.Delay(options.EventPollInterval, cancellationToken);
            sinceLastWrite += options.EventPollInterval;
            job = await jobs.FindAsync(id, cancellationToken);
            if (job is null)
            {
                await response.WriteAsync("event: end\ndata: {}\n\n", cancellationToken);
                return;
            }
        }
    }
}
