using VcSync.Storage.Cursors;
using VcSync.Sync.FullSync;

namespace VcSync.Sync.Incremental;

/// <summary>
/// What an incremental sync's check found: either nothing changed (<see cref="Unchanged"/>, already recorded), or a full
/// sync must run and save <see cref="Cursor"/> with its write; with <see cref="Changes"/>, a partial one may (only VMs
/// or the triggered alarms changed, and nothing the VMs are resolved from).
/// </summary>
internal sealed record ChangeCheck(SyncWritten? Unchanged, SyncCursor? Cursor, ManagedCollector? NewCollector, VmChanges? Changes);
