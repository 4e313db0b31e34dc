namespace VcSync.Storage.Jobs;

/// <summary>The values of <c>jobs.job_type</c>.</summary>
public static class JobTypes
{
    /// <summary>A full sync of one vCenter (or, with no target, of every enabled vCenter).</summary>
    public const string VCenterSync = "vcenter_sync";
}
