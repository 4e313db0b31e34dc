using System.Collections.Frozen;
using VcSync.Vim.Values;

namespace VcSync.Vim.Faults;

/// <summary>The part of the vSphere fault type hierarchy the client maps to exceptions.</summary>
internal static class FaultHierarchy
{
    private static readonly FrozenDictionary<string, string> Parents = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["RuntimeFault"] = "MethodFault",
        ["VimFault"] = "MethodFault",
        ["InvalidProperty"] = "MethodFault",
        ["InvalidCollectorVersion"] = "MethodFault",
        ["SecurityError"] = "RuntimeFault",
        ["NoPermission"] = "SecurityError",
        ["NotAuthenticated"] = "NoPermission",
        ["RestrictedVersion"] = "SecurityError",
        ["SolutionUserRequired"] = "SecurityError",
        ["InvalidLogin"] = "VimFault",
        ["InvalidClientCertificate"] = "InvalidLogin",
        ["PasswordExpired"] = "InvalidLogin",
        ["ManagedObjectNotFound"] = "RuntimeFault",
        ["InvalidArgument"] = "RuntimeFault",
        ["InvalidRequest"] = "RuntimeFault",
        ["MethodNotFound"] = "InvalidRequest",
        ["InvalidType"] = "InvalidRequest",
        ["NotImplemented"] = "RuntimeFault",
        ["NotSupported"] = "RuntimeFault",
        ["RequestCanceled"] = "RuntimeFault",
        ["SystemError"] = "RuntimeFault",
        ["HostCommunication"] = "RuntimeFault",
        ["InvalidState"] = "VimFault",
        ["InvalidPowerState"] = "InvalidState",
        ["TaskInProgress"] = "VimFault",
        ["InvalidName"] = "VimFault",
        ["DuplicateName"] = "VimFault",
        ["InvalidLocale"] = "VimFault",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsA(string faultType, string ancestor)
    {
        for (string? current = faultType; current is not null; current = Parents.GetValueOrDefault(current))
        {
            if (string.Equals(current, ancestor, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return string.Equals(ancestor, "MethodFault", StringComparison.Ordinal);
    }

    /// <summary>Builds the most specific exception the client has for the fault type.</summary>
    public static VimFaultException CreateException(string faultType, string? message, DataObject? detail)
    {
        for (string? current = faultType; current is not null; current = Parents.GetValueOrDefault(current))
        {
            switch (current)
            {
                case "NotAuthenticated": return new NotAuthenticatedException(faultType, message, detail);
                case "NoPermission": return new NoPermissionException(faultType, message, detail);
                case "InvalidLogin": return new InvalidLoginException(faultType, message, detail);
                case "ManagedObjectNotFound": return new ManagedObjectNotFoundException(faultType, message, detail);
                case "InvalidProperty": return new InvalidPropertyException(faultType, message, detail);
                case "InvalidArgument": return new InvalidArgumentException(faultType, message, detail);
                case "InvalidCollectorVersion": return new InvalidCollectorVersionException(faultType, message, detail);
                default: break;
            }
        }

        return new VimFaultException(faultType, message, detail);
    }
}
