namespace VcSync.Vim.Values;

/// <summary>One property path and its decoded value, as in a PropertyCollector <c>propSet</c>.</summary>
/// <param name="Name">The property path, e.g. <c>runtime.powerState</c>.</param>
/// <param name="Value">
/// The decoded value: <see cref="string"/> (also enums), <see cref="int"/>, <see cref="long"/>, <see cref="short"/>,
/// <see cref="byte"/>, <see cref="bool"/>, <see cref="double"/>, <see cref="float"/>, <see cref="DateTimeOffset"/>,
/// <see cref="ManagedObjectReference"/>, <see cref="DataObject"/>, or <see cref="IReadOnlyList{T}"/> of those for arrays.
/// </param>
public sealed record DynamicProperty(string Name, object? Value);
