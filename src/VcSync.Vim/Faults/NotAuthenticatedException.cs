using VcSync.Vim.Values;

namespace VcSync.Vim.Faults;

/// <summary>
/// The session is not (or no longer) logged in (<c>NotAuthenticated</c>, a <c>NoPermission</c>). Also raised when a
/// PropertyCollector result reports <c>NotAuthenticated</c> in a <c>missingSet</c>, which is how an expired session can show.
/// </summary>
public sealed class NotAuthenticatedException : NoPermissionException
{
    /// <summary>Creates the exception.</summary>
    public NotAuthenticatedException(string faultType, string? faultMessage, DataObject? detail = null)
        : base(faultType, faultMessage, detail)
    {
    }
}
