using System.Xml;
using VcSync.Vim.Faults;
using VcSync.Vim.Soap;
using VcSync.Vim.Values;

namespace VcSync.Vim.PropertyCollector;

/// <summary>Reads one <c>ObjectContent</c> (<c>obj</c>, <c>propSet</c>, <c>missingSet</c>): the hot path of a sync.</summary>
internal sealed class ObjectContentReader
{
    private readonly XmlNames _names;
    private readonly ValueDecoder _decoder;
    private readonly Dictionary<string, PropertyValueFilter>? _filters;
    private int _lastPropertyCount = 8;

    public ObjectContentReader(XmlNames names, ValueDecoder decoder, IReadOnlyList<PropertyValueFilter>? filters = null)
    {
        _names = names;
        _decoder = decoder;
        if (filters is { Count: > 0 })
        {
            _filters = new Dictionary<string, PropertyValueFilter>(StringComparer.Ordinal);
            foreach (var filter in filters)
            {
                _filters[filter.Path] = filter;
            }
        }
    }

    /// <summary>Reads the element the reader is on and leaves the reader after it.</summary>
    public ObjectContent Read(XmlReader r)
    {
        ManagedObjectReference? obj = null;
        var properties = new List<DynamicProperty>(_lastPropertyCount);
        List<MissingProperty>? missing = null;
        if (r.IsEmptyElement)
        {
            throw new VimProtocolException("An ObjectContent has no obj.");
        }

        r.Read();
        while (true)
        {
            var type = r.NodeType;
            if (type == XmlNodeType.Element)
            {
                var name = r.LocalName;
                if (ReferenceEquals(name, _names.PropSet))
                {
                    ReadProperty(r, properties);
                }
                else if (ReferenceEquals(name, _names.Obj))
                {
                    obj = _decoder.ReadManagedObjectReference(r);
                }
                else if (ReferenceEquals(name, _names.MissingSet))
                {
                    (missing ??= []).Add(ReadMissing(r));
                }
                else
                {
                    r.Skip();
                }
            }
            else if (type == XmlNodeType.EndElement)
            {
                r.Read();
                break;
            }
            else if (type == XmlNodeType.None)
            {
                throw new VimProtocolException("The response ended inside an ObjectContent.");
            }
            else
            {
                r.Read();
            }
        }

        if (obj is null)
        {
            throw new VimProtocolException("An ObjectContent has no obj.");
        }

        _lastPropertyCount = Math.Max(properties.Count, 1);
        return new ObjectContent(obj, properties, missing is null ? [] : missing);
    }

    private void ReadProperty(XmlReader r, List<DynamicProperty> properties)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return;
        }

        string? name = null;
        object? value = null;
        var hasValue = false;
        r.Read();
        while (true)
        {
            var type = r.NodeType;
            if (type == XmlNodeType.Element)
            {
                var local = r.LocalName;
                if (ReferenceEquals(local, _names.Name))
                {
                    name = _decoder.ReadElementAtom(r);
                }
                else if (ReferenceEquals(local, _names.Val))
                {
                    // The name comes first on the wire (DynamicProperty: name, val), so its filter is known here.
                    var isNil = false;
                    value = name is not null && _filters is not null && _filters.TryGetValue(name, out var filter)
                        ? _decoder.ReadFilteredValue(r, filter, out isNil)
                        : _decoder.ReadValue(r, null, out isNil);
                    hasValue = !isNil;
                }
                else
                {
                    r.Skip();
                }
            }
            else if (type == XmlNodeType.EndElement)
            {
                r.Read();
                break;
            }
            else if (type == XmlNodeType.None)
            {
                throw new VimProtocolException("The response ended inside a propSet.");
            }
            else
            {
                r.Read();
            }
        }

        if (name is not null && hasValue)
        {
            properties.Add(new DynamicProperty(name, value));
        }
    }

    private MissingProperty ReadMissing(XmlReader r)
    {
        var missing = _decoder.ReadValue(r, "MissingProperty", out _) as DataObject;
        var path = missing?["path"] as string ?? string.Empty;
        var fault = missing?["fault"] as DataObject;
        var inner = fault?["fault"] as DataObject;
        var faultType = inner is { TypeName.Length: > 0 } ? inner.TypeName : "MethodFault";
        return new MissingProperty(path, faultType, fault?["localizedMessage"] as string);
    }
}
