using Polly;
using Polly.Retry;

namespace VcSync.Sync.Reliability;

/// <summary>Builds the Polly pipeline that retries whole sync attempts on transient failures.</summary>
internal static class SyncRetryPipeline
{
    /// <summary>Exponential backoff with jitter, capped; <paramref name="onRetry"/> hears of each retry before its wait.</summary>
    public static ResiliencePipeline Create(SyncRetryOptions options, Action<int, TimeSpan, Exception> onRetry)
    {
        options.Validate();
        if (options.MaxRetries == 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.BaseDelay > TimeSpan.Zero,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(TransientFailures.IsTransient(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    onRetry(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception!);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }
}
