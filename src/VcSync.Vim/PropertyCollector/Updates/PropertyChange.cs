namespace VcSync.Vim.PropertyCollector;

/// <summary>One change of an object's property: its path (possibly nested, as <c>config.hardware.device[4000]</c>), how, and the new value.</summary>
/// <param name="Name">The property path.</param>
/// <param name="Op">How it changed.</param>
/// <param name="Value">The new value, decoded like a <c>propSet</c> value; null when it became unset or was removed.</param>
public sealed record PropertyChange(string Name, PropertyChangeOp Op, object? Value);
