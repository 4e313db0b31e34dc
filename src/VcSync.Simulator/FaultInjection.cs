namespace VcSync.Simulator;

/// <summary>Makes the next <see cref="Count"/> calls of <see cref="Method"/> fail.</summary>
/// <param name="Method">SOAP method name (e.g. <c>ContinueRetrievePropertiesEx</c>) or <c>*</c> for any call.</param>
/// <param name="Fault">vSphere fault type answered as a SOAP fault (<c>NotAuthenticated</c>, <c>InvalidArgument</c>,
/// <c>InvalidProperty</c>, <c>SystemError</c>, <c>RequestCanceled</c>, <c>HostCommunication</c>, <c>InvalidLogin</c>,
/// <c>ManagedObjectNotFound</c>, <c>InvalidState</c>, <c>NotSupported</c>, <c>RuntimeFault</c>), or a transport failure:
/// <c>http503</c>, <c>http502</c>, <c>disconnect</c>. Null when <paramref name="MissingSet"/> is used.</param>
/// <param name="MissingSet"><c>NotAuthenticated</c>: answer normally but report every property as a
/// <c>missingSet</c> NotAuthenticated fault (applies to RetrieveProperties* results).</param>
/// <param name="Count">How many calls fail.</param>
public sealed record FaultInjection(string Method, string? Fault = null, string? MissingSet = null, int Count = 1)
{
    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> answer with a SOAP fault.</summary>
    public static FaultInjection SoapFault(string method, string fault, int count = 1) => new(method, fault, null, count);

    /// <summary>The next <paramref name="count"/> results report a <c>missingSet</c> NotAuthenticated on every property.</summary>
    public static FaultInjection MissingSetNotAuthenticated(string method = "*", int count = 1) => new(method, null, "NotAuthenticated", count);
}
