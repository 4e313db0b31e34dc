using VcSync.Vim.Values;

namespace VcSync.Vim.Faults;

/// <summary>An argument of the call was refused (<c>InvalidArgument</c>).</summary>
public sealed class InvalidArgumentException : VimFaultException
{
    /// <summary>Creates the exception.</summary>
    public InvalidArgumentException(string faultType, string? faultMessage, DataObject? detail = null)
        : base(faultType, faultMessage, detail)
    {
    }
}
