using VcSync.Vim.Xml;

namespace VcSync.Vim.Soap;

/// <summary>
/// A name table with the names the reader compares against, atomized once. Not thread-safe (neither is
/// <see cref="AtomTable"/>): one instance per call or per paged retrieval.
/// </summary>
internal sealed class XmlNames
{
    public const string SoapEnvelopeNamespace = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    public const string XsdNamespace = "http://www.w3.org/2001/XMLSchema";
    public const string VimNamespace = "urn:vim25";

    public XmlNames()
    {
        Table = new AtomTable();
        SoapEnv = Table.Add(SoapEnvelopeNamespace);
        Xsi = Table.Add(XsiNamespace);
        Xsd = Table.Add(XsdNamespace);
        Envelope = Table.Add("Envelope");
        Header = Table.Add("Header");
        Body = Table.Add("Body");
        Fault = Table.Add("Fault");
        FaultString = Table.Add("faultstring");
        Detail = Table.Add("detail");
        ReturnVal = Table.Add("returnval");
        Token = Table.Add("token");
        Objects = Table.Add("objects");
        Obj = Table.Add("obj");
        PropSet = Table.Add("propSet");
        MissingSet = Table.Add("missingSet");
        Name = Table.Add("name");
        Val = Table.Add("val");
        Path = Table.Add("path");
        FaultField = Table.Add("fault");
        LocalizedMessage = Table.Add("localizedMessage");
        Type = Table.Add("type");
        Nil = Table.Add("nil");
        ManagedObjectReference = Table.Add("ManagedObjectReference");
    }

    public AtomTable Table { get; }

    public string SoapEnv { get; }

    public string Xsi { get; }

    public string Xsd { get; }

    public string Envelope { get; }

    public string Header { get; }

    public string Body { get; }

    public string Fault { get; }

    public string FaultString { get; }

    public string Detail { get; }

    public string ReturnVal { get; }

    public string Token { get; }

    public string Objects { get; }

    public string Obj { get; }

    public string PropSet { get; }

    public string MissingSet { get; }

    public string Name { get; }

    public string Val { get; }

    public string Path { get; }

    public string FaultField { get; }

    public string LocalizedMessage { get; }

    public string Type { get; }

    public string Nil { get; }

    public string ManagedObjectReference { get; }
}
