namespace VcSync.Vim.Values;

/// <summary>A property the server could not return for one object, with the fault it gave (a <c>missingSet</c> entry).</summary>
/// <param name="Path">The property path that is missing.</param>
/// <param name="FaultType">The fault's <c>xsi:type</c> local name, e.g. <c>NotAuthenticated</c>.</param>
/// <param name="Message">The server's localized message, when it sent one.</param>
public sealed record MissingProperty(string Path, string FaultType, string? Message);
