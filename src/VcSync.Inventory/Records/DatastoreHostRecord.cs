namespace VcSync.Inventory.Records;

/// <summary>One host mount of a datastore (<c>vcenter_datastore_hosts</c>).</summary>
/// <param name="DatastoreMoref">The datastore.</param>
/// <param name="HostMoref">The host that mounts it (<c>DatastoreHostMount.key</c>).</param>
public sealed record DatastoreHostRecord(string DatastoreMoref, string HostMoref);
