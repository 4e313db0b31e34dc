using System.Collections;
using System.Globalization;
using System.Text;
using System.Xml;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Values;

namespace VcSync.Vim.Soap;

/// <summary>
/// Writes a vim25 request envelope. Arguments are written in the order given (the WSDL's order matters), every string
/// escaped by <see cref="XmlWriter"/>. Supported values: strings, numbers, booleans, dates, <see cref="byte"/> arrays,
/// <see cref="ManagedObjectReference"/>, the PropertyCollector spec records, <see cref="DataObject"/>, and sequences of those
/// (written as repeated elements).
/// </summary>
internal static class SoapRequestWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        CheckCharacters = true,
        CloseOutput = false,
    };

    public static byte[] Write(string method, ManagedObjectReference @this, IReadOnlyList<KeyValuePair<string, object?>> args)
    {
        using var stream = new MemoryStream(512);
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("soapenv", "Envelope", XmlNames.SoapEnvelopeNamespace);
            writer.WriteAttributeString("xmlns", "xsd", null, XmlNames.XsdNamespace);
            writer.WriteAttributeString("xmlns", "xsi", null, XmlNames.XsiNamespace);
            writer.WriteStartElement("soapenv", "Body", XmlNames.SoapEnvelopeNamespace);
            writer.WriteStartElement(method, XmlNames.VimNamespace);
            WriteValue(writer, "_this", @this);
            foreach (var arg in args)
            {
                WriteValue(writer, arg.Key, arg.Value);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteValue(XmlWriter w, string name, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                w.WriteElementString(name, CheckCharacters(name, s));
                return;
            case ManagedObjectReference moRef:
                w.WriteStartElement(name);
                w.WriteAttributeString("type", moRef.Type);
                w.WriteString(moRef.Value);
                w.WriteEndElement();
                return;
            case bool b:
                w.WriteElementString(name, b ? "true" : "false");
                return;
            case DateTimeOffset dto:
                w.WriteElementString(name, dto.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                return;
            case DateTime dt:
                WriteValue(w, name, new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt));
                return;
            case byte[] bytes:
                w.WriteElementString(name, Convert.ToBase64String(bytes));
                return;
            case double d:
                w.WriteElementString(name, XmlConvert.ToString(d));
                return;
            case float f:
                w.WriteElementString(name, XmlConvert.ToString(f));
                return;
            case IFormattable number when value is int or long or short or byte or uint or ulong or ushort or sbyte or decimal:
                w.WriteElementString(name, number.ToString(null, CultureInfo.InvariantCulture));
                return;
            case PropertyFilterSpec spec:
                WriteFilterSpec(w, name, spec);
                return;
            case PropertySpec propertySpec:
                w.WriteStartElement(name);
                w.WriteElementString("type", propertySpec.Type);
                WriteValue(w, "all", propertySpec.All);
                WriteValue(w, "pathSet", propertySpec.PathSet);
                w.WriteEndElement();
                return;
            case ObjectSpec objectSpec:
                w.WriteStartElement(name);
                WriteValue(w, "obj", objectSpec.Obj);
                WriteValue(w, "skip", objectSpec.Skip);
                WriteValue(w, "selectSet", objectSpec.SelectSet);
                w.WriteEndElement();
                return;
            case TraversalSpec traversal:
                w.WriteStartElement(name);
                w.WriteAttributeString("type", XmlNames.XsiNamespace, "TraversalSpec");
                WriteValue(w, "name", traversal.Name);
                w.WriteElementString("type", traversal.Type);
                w.WriteElementString("path", traversal.Path);
                WriteValue(w, "skip", traversal.Skip);
                WriteValue(w, "selectSet", traversal.SelectSet);
                w.WriteEndElement();
                return;
            case SelectionSpec selection:
                w.WriteStartElement(name);
                WriteValue(w, "name", selection.Name);
                w.WriteEndElement();
                return;
            case DataObject data:
                w.WriteStartElement(name);
                if (data.TypeName.Length > 0)
                {
                    w.WriteAttributeString("type", XmlNames.XsiNamespace, data.TypeName);
                }

                foreach (var field in data.Fields)
                {
                    WriteValue(w, field.Key, field.Value);
                }

                w.WriteEndElement();
                return;
            case IEnumerable sequence:
                foreach (var item in sequence)
                {
                    WriteValue(w, name, item);
                }

                return;
            default:
                throw new ArgumentException($"Argument '{name}' of type {value.GetType().Name} cannot be written to a SOAP request.", name);
        }
    }

    private static string CheckCharacters(string name, string text)
    {
        try
        {
            XmlConvert.VerifyXmlChars(text);
            return text;
        }
        catch (XmlException)
        {
            // Never quote the text: it may be a password.
            throw new ArgumentException($"Argument '{name}' holds a character that XML cannot carry.", name);
        }
    }

    private static void WriteFilterSpec(XmlWriter w, string name, PropertyFilterSpec spec)
    {
        w.WriteStartElement(name);
        WriteValue(w, "propSet", spec.PropSet);
        WriteValue(w, "objectSet", spec.ObjectSet);
        WriteValue(w, "reportMissingObjectsInResults", spec.ReportMissingObjectsInResults);
        w.WriteEndElement();
    }
}
