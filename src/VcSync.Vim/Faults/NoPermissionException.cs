using VcSync.Vim.Values;

namespace VcSync.Vim.Faults;

/// <summary>The session lacks a privilege for the operation (<c>NoPermission</c> and subtypes).</summary>
public class NoPermissionException : VimFaultException
{
    /// <summary>Creates the exception.</summary>
    public NoPermissionException(string faultType, string? faultMessage, DataObject? detail = null)
        : base(faultType, faultMessage, detail)
    {
    }
}
