using VcSync.Vim.Values;

namespace VcSync.Vim.Faults;

/// <summary>A managed object reference names an object that does not exist (any more) (<c>ManagedObjectNotFound</c>).</summary>
public sealed class ManagedObjectNotFoundException : VimFaultException
{
    /// <summary>Creates the exception.</summary>
    public ManagedObjectNotFoundException(string faultType, string? faultMessage, DataObject? detail = null)
        : base(faultType, faultMessage, detail)
    {
    }
}
