namespace VcSync.Vim.Values;

/// <summary>A reference to a server-side managed object, such as <c>VirtualMachine:vm-42</c>.</summary>
/// <param name="Type">The managed object type, e.g. <c>HostSystem</c>.</param>
/// <param name="Value">The opaque reference value, e.g. <c>host-17</c>. Treat it as any string.</param>
public sealed record ManagedObjectReference(string Type, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type}:{Value}";
}
