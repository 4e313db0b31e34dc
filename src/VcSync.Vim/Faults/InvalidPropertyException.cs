using VcSync.Vim.Values;

namespace VcSync.Vim.Faults;

/// <summary>A property path is not defined on the type it is asked of (<c>InvalidProperty</c>); real vCenter fails the whole call.</summary>
public sealed class InvalidPropertyException : VimFaultException
{
    /// <summary>Creates the exception.</summary>
    public InvalidPropertyException(string faultType, string? faultMessage, DataObject? detail = null)
        : base(faultType, faultMessage, detail)
    {
    }
}
