using VcSync.Storage.Servers;

namespace VcSync.Storage.Writing;

/// <summary>Re-links ESXi hosts and Dell servers across every vCenter (see <see cref="ServerLinker"/>), under the linking lock.</summary>
internal sealed class LinkHostsAndServers(ServerLinker linker) : ISyncWriteStep
{
    public async Task RunAsync(SyncWriteContext context, CancellationToken cancellationToken)
    {
        var links = await linker.LinkAsync(context.Connection, context.Transaction, context.Write.SyncedAt, context.Write.VCenterId, cancellationToken);
        context.AutoLinked = links.AutoLinked;
        context.Ambiguous = links.Ambiguous;
    }
}
