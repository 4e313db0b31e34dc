namespace VcSync.Storage.Cursors;

/// <summary>
/// Scopes a sync's write of the VM tables to the VMs that changed (an incremental sync's partial write): the VMs of its
/// pages are written as usual, <see cref="Gone"/> are deleted with their child rows, and every other VM is left as it
/// is, where a full sync deletes the VMs no page held.
/// </summary>
/// <param name="Gone">The morefs of the VMs that left vCenter since the cursor.</param>
public sealed record ChangedVms(IReadOnlyCollection<string> Gone);
