using VcSync.Storage.Postgres;
using VcSync.Storage.Servers;

namespace VcSync.Storage.Writing;

/// <summary>Re-links ESXi hosts and Dell servers across every vCenter (see <see cref="ServerLinker"/>), under the linking lock.</summary>
internal sealed class LinkHostsAndServers(ServerLinker linker) : ISyncWriteStep
{
    public async Task RunAsync(SyncWriteContext context, CancellationToken cancellationToken)
    {
        // Linking reads every vCenter's hosts: two syncs linking at once would each miss the other's hosts. The lock
        // is held to commit, so the second pass sees the first one's rows.
        await context.Dialect.LockAsync(context.Connection, context.Transaction, AdvisoryLockKeys.Linking, cancellationToken);
        var links = await linker.LinkAsync(context.Connection, context.Transaction, context.Write.SyncedAt, context.Write.VCenterId, cancellationToken);
        context.AutoLinked = links.AutoLinked;
        context.Ambiguous = links.Ambiguous;
    }
}
