namespace VcSync.Storage.Changes;

/// <summary>One row of <c>inventory_changes</c> to write.</summary>
internal sealed record ChangeRecord(
    string ObjectType, string Moref, string? ObjectName, string Kind, string? Column, string? OldValue, string? NewValue);
