using VcSync.Inventory.Records;

namespace VcSync.Inventory.Mapping;

/// <summary>A mapped datastore and the hosts that mount it, in server order without repeats.</summary>
internal sealed record MappedDatastore(DatastoreRecord Record, IReadOnlyList<string> HostMorefs);
