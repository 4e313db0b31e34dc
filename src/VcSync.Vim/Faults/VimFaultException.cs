using VcSync.Vim.Values;

namespace VcSync.Vim.Faults;

/// <summary>A SOAP fault raised by the server, such as <c>InvalidProperty</c>, carrying its <c>faultstring</c>.</summary>
public class VimFaultException : VimException
{
    /// <summary>Creates the exception for a fault of the given type.</summary>
    /// <param name="faultType">The fault's <c>xsi:type</c> local name, e.g. <c>InvalidLogin</c>.</param>
    /// <param name="faultMessage">The server's <c>faultstring</c> or localized message.</param>
    /// <param name="detail">The decoded fault detail, when the server sent one.</param>
    public VimFaultException(string faultType, string? faultMessage, DataObject? detail = null)
        : base(Describe(faultType, faultMessage))
    {
        FaultType = faultType;
        FaultMessage = faultMessage;
        Detail = detail;
    }

    /// <summary>The fault's type name, e.g. <c>NotAuthenticated</c>.</summary>
    public string FaultType { get; }

    /// <summary>The server's message for the fault (its <c>faultstring</c>), when it sent one.</summary>
    public string? FaultMessage { get; }

    /// <summary>The fault detail with its fields (e.g. <c>name</c> of an <c>InvalidProperty</c>), when the server sent one.</summary>
    public DataObject? Detail { get; }

    /// <summary>Whether the fault is of <paramref name="faultType"/> or one of its subtypes, as far as the client knows the hierarchy.</summary>
    public bool IsA(string faultType) => FaultHierarchy.IsA(FaultType, faultType);

    private static string Describe(string faultType, string? message) =>
        string.IsNullOrWhiteSpace(message) ? $"vSphere fault {faultType}" : $"{message.Trim()} (vSphere fault {faultType})";
}
