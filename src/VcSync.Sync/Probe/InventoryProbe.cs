using System.Diagnostics;
using VcSync.Inventory;
using VcSync.Vim;
using VcSync.Vim.PropertyCollector;

namespace VcSync.Sync.Probe;

/// <summary>Logs in, fetches the seven inventory types through one ContainerView, logs out, and counts what came back.</summary>
public static class InventoryProbe
{
    private static readonly TimeSpan CleanUpTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs the probe.</summary>
    public static async Task<ProbeResult> RunAsync(
        VimClientOptions options, string username, string password, int? maxObjectsPerPage, CancellationToken cancellationToken)
    {
        await using var client = await VimClient.ConnectAsync(options, cancellationToken);
        await client.LoginAsync(username, password, cancellationToken);
        try
        {
            var content = client.ServiceContent;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var type in InventoryPropertySpecs.ContainerViewTypes)
            {
                counts[type] = 0;
            }

            var before = client.Statistics;
            var watch = Stopwatch.StartNew();
            var view = await client.CreateContainerViewAsync(content.RootFolder, InventoryPropertySpecs.ContainerViewTypes, true, cancellationToken);
            try
            {
                var filter = InventoryPropertySpecs.InventoryFilter(view, content.About.ApiVersion, rootFolder: null);
                var retrieve = new RetrieveOptions { MaxObjects = maxObjectsPerPage };
                await foreach (var objectContent in client.RetrievePropertiesAsync(filter, retrieve, cancellationToken))
                {
                    var type = CountedAs(objectContent.Obj.Type);
                    counts[type] = counts.GetValueOrDefault(type) + 1;
                }
            }
            finally
            {
                // Also after cancellation (Ctrl-C): the view must not outlive the probe, so not the caller's token.
                using var cleanUp = new CancellationTokenSource(CleanUpTimeout);
                await client.DestroyViewAsync(view, cleanUp.Token);
            }

            watch.Stop();
            var fetched = client.Statistics - before;
            return new ProbeResult
            {
                About = content.About,
                Objects = counts,
                Pages = fetched.Pages,
                SoapCalls = client.Statistics.SoapCalls + 1,
                Bytes = client.Statistics.BytesRead,
                FetchTimeMs = watch.ElapsedMilliseconds,
            };
        }
        finally
        {
            using var timeout = new CancellationTokenSource(CleanUpTimeout);
            await client.LogoutAsync(timeout.Token);
        }
    }

    // A view of DistributedVirtualSwitch returns its subtypes (VmwareDistributedVirtualSwitch): count them as asked.
    private static string CountedAs(string type) =>
        type.EndsWith("DistributedVirtualSwitch", StringComparison.Ordinal) ? "DistributedVirtualSwitch" : type;
}
