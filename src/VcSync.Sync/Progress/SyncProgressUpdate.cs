namespace VcSync.Sync.Progress;

/// <summary>One step of a sync's progress.</summary>
/// <param name="Phase">The phase it belongs to.</param>
/// <param name="State">Where the phase stands.</param>
/// <param name="Percent">0 to 100 within the phase.</param>
/// <param name="Message">For a person, e.g. "Fetched 3,000 of ~10,000 objects".</param>
/// <param name="ObjectsFetched">Objects fetched so far, during the inventory phase.</param>
/// <param name="ObjectsExpected">The previous sync's object count, when known: the estimate to show against.</param>
public sealed record SyncProgressUpdate(
    SyncPhase Phase,
    SyncPhaseState State,
    int Percent,
    string Message,
    int ObjectsFetched = 0,
    int? ObjectsExpected = null);
