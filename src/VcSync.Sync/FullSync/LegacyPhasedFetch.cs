using System.Globalization;
using Microsoft.Extensions.Logging;
using VcSync.Inventory;
using VcSync.Sync.Progress;
using VcSync.Vim;
using VcSync.Vim.Values;
using Types = VcSync.Inventory.InventoryPaths.Types;

namespace VcSync.Sync.FullSync;

/// <summary>
/// The rollback path (<c>USE_PROPERTY_COLLECTOR_SYNC=false</c>): the plan's old seven phases, one retrieval per object
/// type through a view of that type alone, with exactly the fast path's properties. It feeds the same
/// <see cref="InventoryBuilder"/>, so both paths produce the same snapshot and write the same rows; only the number
/// of calls differs. Its phases show as messages of the three job tasks (the contract's task names).
/// </summary>
internal static class LegacyPhasedFetch
{
    // The plan's order after connect: clusters, datastores, networks, vms, alarms, hosts.
    private static readonly (string Phase, string[] Types)[] InventoryPhases =
    [
        ("clusters", [Types.ClusterComputeResource, Types.Folder, Types.Datacenter, Types.ComputeResource, Types.ResourcePool]),
        ("datastores", [Types.Datastore]),
        ("networks", [Types.Network, Types.DistributedVirtualPortgroup, Types.DistributedVirtualSwitch]),
        ("vms", [Types.VirtualMachine]),
        ("alarms", []),
        ("hosts", [Types.HostSystem]),
    ];

    public static async Task RunAsync(
        VimClient client, SyncRun run, InventoryBuilder builder, ILogger logger, CancellationToken cancellationToken)
    {
        var content = client.ServiceContent;
        var views = new Dictionary<string, ManagedObjectReference>(StringComparer.Ordinal);
        try
        {
            foreach (var type in InventoryPropertySpecs.ContainerViewTypes)
            {
                views[type] = await client.CreateContainerViewAsync(content.RootFolder, [type], true, cancellationToken);
            }

            // PerTypeFilters' order matters (Network before DistributedVirtualPortgroup): keep it within each phase.
            var filters = InventoryPropertySpecs.PerTypeFilters(type => views[type], content.About.ApiVersion);
            for (var i = 0; i < InventoryPhases.Length; i++)
            {
                var (phase, types) = InventoryPhases[i];
                var step = string.Create(CultureInfo.InvariantCulture, $"Syncing {phase} (phase {i + 2} of 7)");
                if (phase == "alarms")
                {
                    run.Start(SyncPhase.Alarms, step);
                    await AddAllAsync(client, InventoryPropertySpecs.TriggeredAlarmFilter(content.RootFolder), builder, cancellationToken);
                    continue;
                }

                run.Progress(SyncPhase.Inventory, i * 80 / InventoryPhases.Length, step);
                foreach (var filter in filters.Where(f => types.Contains(f.PropSet[0].Type, StringComparer.Ordinal)))
                {
                    await AddAllAsync(client, filter, builder, cancellationToken);
                }

                if (phase == "vms" && content.Content["customFieldsManager"] is ManagedObjectReference fields)
                {
                    var spec = new Vim.PropertyCollector.PropertyFilterSpec(
                        [InventoryPropertySpecs.CustomFieldSpec], [new Vim.PropertyCollector.ObjectSpec(fields, false, [])]);
                    await AddAllAsync(client, spec, builder, cancellationToken);
                }
            }
        }
        finally
        {
            foreach (var view in views.Values)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await client.DestroyViewAsync(view, timeout.Token);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    logger.LogDebug("DestroyView after the legacy fetch failed: {Error}", OneLine.Of(exception));
                }
            }
        }
    }

    private static async Task AddAllAsync(
        VimClient client, Vim.PropertyCollector.PropertyFilterSpec filter, InventoryBuilder builder, CancellationToken cancellationToken)
    {
        var options = new Vim.PropertyCollector.RetrieveOptions { ValueFilters = InventoryPropertySpecs.ValueFilters };
        await foreach (var objectContent in client.RetrievePropertiesAsync(filter, options, cancellationToken))
        {
            builder.Add(objectContent);
        }
    }
}
