namespace VcSync.Inventory.Records;

/// <summary>An inventory object keyed by its managed object reference within one vCenter.</summary>
public interface IInventoryRecord
{
    /// <summary>The managed object reference value, e.g. <c>vm-42</c>; opaque.</summary>
    string Moref { get; }

    /// <summary>The object's name exactly as vSphere returned it.</summary>
    string Name { get; }
}
