using System.Diagnostics;
using VcSync.Inventory;
using VcSync.Vim;

namespace VcSync.Sync.Probe;

/// <summary>Logs in, fetches the seven inventory types through one ContainerView, logs out, and counts what came back.</summary>
public static class InventoryProbe
{
    /// <summary>Runs the probe.</summary>
    public static async Task<ProbeResult> RunAsync(
        VimClientOptions options, string username, string password, int? maxObjectsPerPage, CancellationToken cancellationToken)
    {
        await using var client = await VimClient.ConnectAsync(options, cancellationToken);
        await client.LoginAsync(username, password, cancellationToken);
        try
        {
            var content = client.ServiceContent;
            var specs = InventoryPropertySpecs.For(content.About.ApiVersion);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var type in specs.ContainerViewTypes)
            {
                counts[type] = 0;
            }

            var before = client.Statistics;
            var watch = Stopwatch.StartNew();
            var view = await client.CreateContainerViewAsync(content.RootFolder, specs.ContainerViewTypes, true, cancellationToken);
            try
            {
                var filter = specs.BuildInventoryFilter(view, alarmsRoot: null);
                var retrieve = new RetrieveOptions { MaxObjects = maxObjectsPerPage };
                await foreach (var objectContent in client.RetrievePropertiesAsync(filter, retrieve, cancellationToken))
                {
                    counts[objectContent.Obj.Type] = counts.GetValueOrDefault(objectContent.Obj.Type) + 1;
                }
            }
            finally
            {
                await client.DestroyViewAsync(view, cancellationToken);
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
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await client.LogoutAsync(timeout.Token);
        }
    }
}
