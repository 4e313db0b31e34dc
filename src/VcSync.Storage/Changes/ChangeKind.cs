namespace VcSync.Storage.Changes;

/// <summary>The values of <c>inventory_changes.change_kind</c>.</summary>
public static class ChangeKind
{
    /// <summary>The object appeared (one row, no column).</summary>
    public const string Created = "created";

    /// <summary>One column of the object changed.</summary>
    public const string Updated = "updated";

    /// <summary>The object went (one row, no column).</summary>
    public const string Deleted = "deleted";
}
