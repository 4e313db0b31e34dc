namespace VcSync.Storage.Jobs;

/// <summary>What a cancel request did.</summary>
public enum CancelOutcome
{
    /// <summary>No job has this id.</summary>
    NotFound,

    /// <summary>The job was still pending: it is cancelled now, no worker will run it.</summary>
    Cancelled,

    /// <summary>The job is running: its worker will stop it at the next page and end it as cancelled.</summary>
    Requested,

    /// <summary>The job had already ended; nothing changed.</summary>
    AlreadyFinished,
}
