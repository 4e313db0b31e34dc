using System.Text;
using VcSync.Vim.Soap;
using VcSync.Vim.Values;
using VcSync.Vim.Xml;

namespace VcSync.Vim.Tests.Fakes;

/// <summary>Runs the value decoder over one element, inside a root that declares the usual prefixes.</summary>
internal static class Decode
{
    public static readonly object Nil = new();

    public static object? Value(string elementXml, string? declaredType = null, string rootAttributes = "")
    {
        var names = new XmlNames();
        var decoder = new ValueDecoder(names);
        var xml = "<root xmlns=\"urn:vim25\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" " +
                  $"xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" {rootAttributes}>{elementXml}<after/></root>";
        using var reader = new VimXmlReader(new MemoryStream(Encoding.UTF8.GetBytes(xml)), names.Table, long.MaxValue);
        reader.MoveToContent();
        reader.Read();
        reader.MoveToContent();
        var value = decoder.ReadValue(reader, declaredType, out var isNil);
        reader.MoveToContent();
        Assert.Equal("after", reader.LocalName);
        return isNil ? Nil : value;
    }

    public static DataObject Data(string elementXml, string? declaredType = null) =>
        Assert.IsType<DataObject>(Value(elementXml, declaredType));

    public static IReadOnlyList<object?> List(object? value) => Assert.IsAssignableFrom<IReadOnlyList<object?>>(value);
}
