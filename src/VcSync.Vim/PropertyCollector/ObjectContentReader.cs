using VcSync.Vim.Xml;
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
    private readonly List<DynamicProperty> _properties = [];
    private ManagedObjectReference? _object;
    private string? _objectName;
    private string? _property;
    private bool _inside;

    public ObjectContentReader(XmlNames names, ValueDecoder decoder, IReadOnlyList<PropertyValueFilter>? filters = null)
    {
        _names = names;
        _decoder = decoder;
        if (filters is { Count: > 0 })
        {
            // Keyed by the atomized path: property names are read as atoms of the same table, so no string is hashed.
            _filters = new Dictionary<string, PropertyValueFilter>(ReferenceEqualityComparer.Instance);
            foreach (var filter in filters)
            {
                _filters[names.Table.Add(filter.Path)] = filter;
            }
        }
    }

    /// <summary>
    /// Where reading is, for an error message: the object (type, moref and name when read) and the property being
    /// read, or the last object read when between objects.
    /// </summary>
    public string Location
    {
        get
        {
            if (_object is null)
            {
                return _inside ? "in an object whose obj is not read yet" : "before the first object";
            }

            var name = _objectName is null ? string.Empty : $" \"{Shorten(_objectName)}\"";
            var where = $"object {_object.Type} {_object.Value}{name}";
            return !_inside ? "after " + where
                : _property is null ? "in " + where
                : $"in {where}, property {Shorten(_property)}";
        }
    }

    /// <summary>Reads the element the reader is on and leaves the reader after it.</summary>
    public ObjectContent Read(VimXmlReader r)
    {
        ManagedObjectReference? obj = null;
        _object = null;
        _objectName = null;
        _property = null;
        _inside = true;
        // Collected in one reused list, then copied to an array of the exact length: property counts vary per object.
        var properties = _properties;
        properties.Clear();
        List<MissingProperty>? missing = null;
        if (r.IsEmptyElement)
        {
            throw new VimProtocolException("An ObjectContent has no obj.");
        }

        r.Read();
        while (true)
        {
            var type = r.NodeType;
            if (type == XmlNodeKind.Element)
            {
                var name = r.LocalName;
                if (ReferenceEquals(name, _names.PropSet))
                {
                    ReadProperty(r, properties);
                }
                else if (ReferenceEquals(name, _names.Obj))
                {
                    obj = _decoder.ReadManagedObjectReference(r);
                    _object = obj;
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
            else if (type == XmlNodeKind.EndElement)
            {
                r.Read();
                break;
            }
            else if (type == XmlNodeKind.None)
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

        _inside = false;
        _property = null;
        DynamicProperty[] set = properties.Count == 0 ? [] : [.. properties];
        properties.Clear();
        return new ObjectContent(obj, set, missing is null ? [] : missing);
    }

    private void ReadProperty(VimXmlReader r, List<DynamicProperty> properties)
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
            if (type == XmlNodeKind.Element)
            {
                var local = r.LocalName;
                if (ReferenceEquals(local, _names.Name))
                {
                    name = _decoder.ReadElementAtom(r);
                    _property = name;
                }
                else if (ReferenceEquals(local, _names.Val))
                {
                    // The name comes first on the wire (DynamicProperty: name, val), so its filter is known here.
                    bool isNil;
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
            else if (type == XmlNodeKind.EndElement)
            {
                r.Read();
                break;
            }
            else if (type == XmlNodeKind.None)
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
            if (value is string objectName && string.Equals(name, "name", StringComparison.Ordinal))
            {
                _objectName = objectName;
            }
        }

        _property = null;
    }

    private static string Shorten(string text) => text.Length > 100 ? text[..100] + "..." : text;

    private MissingProperty ReadMissing(VimXmlReader r)
    {
        var missing = _decoder.ReadValue(r, "MissingProperty", out _) as DataObject;
        var path = missing?["path"] as string ?? string.Empty;
        var fault = missing?["fault"] as DataObject;
        var inner = fault?["fault"] as DataObject;
        var faultType = inner is { TypeName.Length: > 0 } ? inner.TypeName : "MethodFault";
        return new MissingProperty(path, faultType, fault?["localizedMessage"] as string);
    }
}
