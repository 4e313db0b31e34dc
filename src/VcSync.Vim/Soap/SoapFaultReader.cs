using VcSync.Vim.Xml;
using VcSync.Vim.Faults;
using VcSync.Vim.Values;

namespace VcSync.Vim.Soap;

/// <summary>Reads a <c>soapenv:Fault</c> into the matching exception.</summary>
internal static class SoapFaultReader
{
    /// <summary>Reads the fault the reader is on; returns the exception to throw.</summary>
    public static VimFaultException Read(VimXmlReader r, XmlNames names, ValueDecoder decoder)
    {
        string? faultCode = null;
        string? faultString = null;
        DataObject? detail = null;
        if (r.IsEmptyElement)
        {
            return new VimFaultException("MethodFault", null);
        }

        r.Read();
        while (r.MoveToContent() == XmlNodeKind.Element)
        {
            var name = r.LocalName;
            if (string.Equals(name, names.FaultString, StringComparison.Ordinal))
            {
                faultString = decoder.ReadElementText(r);
            }
            else if (string.Equals(name, "faultcode", StringComparison.Ordinal))
            {
                faultCode = decoder.ReadElementText(r);
            }
            else if (string.Equals(name, names.Detail, StringComparison.Ordinal) && !r.IsEmptyElement)
            {
                r.Read();
                if (r.MoveToContent() == XmlNodeKind.Element)
                {
                    var element = r.LocalName;
                    var declared = element.EndsWith("Fault", StringComparison.Ordinal) && element.Length > 5 ? element[..^5] : element;
                    detail = decoder.ReadValue(r, declared, out _) as DataObject;
                }

                while (r.NodeType != XmlNodeKind.EndElement && r.NodeType != XmlNodeKind.None)
                {
                    r.Skip();
                }

                r.Read();
            }
            else
            {
                r.Skip();
            }
        }

        var faultType = detail is { TypeName.Length: > 0 } ? detail.TypeName : StripPrefix(faultCode) ?? "MethodFault";
        return FaultHierarchy.CreateException(faultType, faultString, detail);
    }

    private static string? StripPrefix(string? qualified)
    {
        if (string.IsNullOrWhiteSpace(qualified))
        {
            return null;
        }

        var colon = qualified.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? qualified.Trim() : qualified[(colon + 1)..].Trim();
    }
}
