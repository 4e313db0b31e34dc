using VcSync.Vim.Values;

namespace VcSync.Vim.Faults;

/// <summary>The user name or password was refused at login (<c>InvalidLogin</c>).</summary>
public sealed class InvalidLoginException : VimFaultException
{
    /// <summary>Creates the exception.</summary>
    public InvalidLoginException(string faultType, string? faultMessage, DataObject? detail = null)
        : base(faultType, faultMessage, detail)
    {
    }
}
