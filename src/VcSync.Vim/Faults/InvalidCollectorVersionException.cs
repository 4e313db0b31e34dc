using VcSync.Vim.Values;

namespace VcSync.Vim.Faults;

/// <summary>An update version is no longer valid for its collector (<c>InvalidCollectorVersion</c>): start again from an empty version.</summary>
public sealed class InvalidCollectorVersionException : VimFaultException
{
    /// <summary>Creates the exception.</summary>
    public InvalidCollectorVersionException(string faultType, string? faultMessage, DataObject? detail = null)
        : base(faultType, faultMessage, detail)
    {
    }
}
