using Microsoft.Extensions.Logging;
using VcSync.Vim.Faults;
using VcSync.Vim.Soap;
using VcSync.Vim.Values;

namespace VcSync.Vim.PropertyCollector;

/// <summary>Cancels an abandoned PropertyCollector token: best effort, briefly, never throwing.</summary>
internal static class TokenCanceller
{
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(10);

    public static TimeSpan Budget(SoapTransport transport) =>
        transport.CallTimeout == Timeout.InfiniteTimeSpan || transport.CallTimeout > CleanupTimeout ? CleanupTimeout : transport.CallTimeout;

    public static async Task CancelAsync(SoapTransport transport, ManagedObjectReference collector, string token, ILogger logger)
    {
        try
        {
            var names = new XmlNames();
            using var call = await transport.CallAsync(
                "CancelRetrievePropertiesEx", collector, [new("token", token)], names, new ValueDecoder(names), TimeSpan.Zero,
                Budget(transport), CancellationToken.None).ConfigureAwait(false);
            await call.FinishAsync().ConfigureAwait(false);
            logger.LogDebug("Cancelled an abandoned PropertyCollector token");
        }
        catch (Exception e) when (e is VimException or OperationCanceledException or ArgumentException)
        {
            logger.LogWarning("Could not cancel an abandoned PropertyCollector token: {Error}", e.Message);
        }
    }
}
