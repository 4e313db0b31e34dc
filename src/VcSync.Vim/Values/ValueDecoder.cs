using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using VcSync.Vim.Faults;
using VcSync.Vim.Soap;
using VcSync.Vim.Xml;

namespace VcSync.Vim.Values;

/// <summary>
/// Decodes vim25 values from an <see cref="VimXmlReader"/> by their <c>xsi:type</c> (prefix resolved in the reader's namespace
/// scope, so declarations on the element itself count), else by their declared type, else by their content. Every read
/// method starts on a start element and leaves the reader just after its end element. Not thread-safe.
/// </summary>
internal sealed partial class ValueDecoder
{
    private static readonly FrozenDictionary<string, ValueKind> NamedKinds = new Dictionary<string, ValueKind>(StringComparer.Ordinal)
    {
        ["string"] = ValueKind.String,
        ["int"] = ValueKind.Int,
        ["long"] = ValueKind.Long,
        ["short"] = ValueKind.Short,
        ["byte"] = ValueKind.Byte,
        ["boolean"] = ValueKind.Boolean,
        ["double"] = ValueKind.Double,
        ["float"] = ValueKind.Float,
        ["dateTime"] = ValueKind.DateTime,
        ["base64Binary"] = ValueKind.Base64,
        ["anyType"] = ValueKind.Infer,
        ["ManagedObjectReference"] = ValueKind.ManagedObjectReference,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The deepest element a value may sit at; real vim25 data stays well under 40 levels.</summary>
    internal const int MaxDepth = 128;

    private const int MaxCachedFields = 4096;

    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] SmallInts = CreateSmallInts();

    private readonly XmlNames _names;
    private readonly Dictionary<string, XsiType> _xsiTypes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string Owner, string Field), FieldType?> _fieldTypes = new(AtomPairComparer.Instance);
    private readonly Dictionary<string, bool> _knownOwners = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PropertyCollector.PropertyValueFilter, HashSet<string>?> _skipSets = new(ReferenceEqualityComparer.Instance);
    private readonly ShortTextCache _texts = new();
    private byte[] _bytes = new byte[256];
    private KeyValuePair<string, object?>[] _fields = new KeyValuePair<string, object?>[64];
    private int _fieldTop;
    private object?[] _items = new object?[64];
    private int _itemTop;
    private HashSet<string>? _skipFields;

    public ValueDecoder(XmlNames names)
    {
        _names = names;
    }

    /// <summary>Decodes one value element; <paramref name="isNil"/> tells an <c>xsi:nil</c> element from a decoded null.</summary>
    public object? ReadValue(VimXmlReader r, string? declaredType, out bool isNil)
    {
        if (r.Depth > MaxDepth)
        {
            // Each level is a recursive call: a hostile document must not be able to overflow the stack.
            throw new VimProtocolException($"The response nests values deeper than {MaxDepth} levels.");
        }

        var typeName = declaredType;
        string? moRefType = null;
        string? xsiType = null;
        isNil = false;
        var count = r.AttributeCount;
        if (count > 0)
        {
            for (var i = 0; i < count; i++)
            {
                var ns = r.GetAttributeNamespace(i);
                var local = r.GetAttributeLocalName(i);
                if (ReferenceEquals(ns, _names.Xsi) || string.Equals(ns, _names.Xsi, StringComparison.Ordinal))
                {
                    if (ReferenceEquals(local, _names.Type))
                    {
                        xsiType = r.GetAttributeAtom(i);
                    }
                    else if (ReferenceEquals(local, _names.Nil))
                    {
                        isNil = IsTrue(r.GetAttributeValue(i));
                    }
                }
                else if (ns.Length == 0 && ReferenceEquals(local, _names.Type))
                {
                    moRefType = r.GetAttributeAtom(i);
                }
            }
        }

        // The declared type's kind is only looked up when no xsi:type overrides it (array items all carry one).
        var kind = xsiType is not null ? ResolveXsiType(r, xsiType, out typeName)
            : declaredType is null ? ValueKind.Infer
            : KindOfName(declaredType);

        if (isNil)
        {
            r.Skip();
            return null;
        }

        if (r.IsEmptyElement)
        {
            r.Read();
            return EmptyValue(kind, typeName, moRefType);
        }

        if (kind != ValueKind.Array && r.TryReadTextContent(out var plain))
        {
            // The usual leaf: its text and end tag read in one step (see TextValue).
            var value = TextValue(kind, plain, typeName, moRefType);
            r.Read();
            return value;
        }

        r.Read();
        return kind switch
        {
            ValueKind.String => ReadText(r),
            ValueKind.Int => ParseInt(ReadSpan(r)),
            ValueKind.Long => ParseLong(ReadSpan(r)),
            ValueKind.Short => ParseShort(ReadSpan(r)),
            ValueKind.Byte => ParseByte(ReadSpan(r)),
            ValueKind.Boolean => ParseBoolean(ReadSpan(r)),
            ValueKind.Double => ParseDouble(ReadSpan(r), "double"),
            ValueKind.Float => ParseFloat(ReadSpan(r)),
            ValueKind.DateTime => ParseDateTime(ReadSpan(r)),
            ValueKind.Base64 => ParseBase64(ReadText(r)),
            ValueKind.ManagedObjectReference => new ManagedObjectReference(moRefType ?? string.Empty, ReadText(r)),
            ValueKind.Array => ReadArrayItems(r),
            _ => ReadContent(r, typeName ?? string.Empty, moRefType),
        };
    }

    /// <summary>
    /// Decodes one value element as <see cref="ReadValue"/> does, trimmed by <paramref name="filter"/>: items of an array
    /// that the filter does not keep, and fields it skips, are passed over in the XML without being decoded.
    /// </summary>
    public object? ReadFilteredValue(VimXmlReader r, PropertyCollector.PropertyValueFilter filter, out bool isNil)
    {
        var outer = _skipFields;
        _skipFields = SkipSetOf(filter);
        try
        {
            var typeName = XsiTypeLocalName(r);
            if (filter.KeepItem is null || typeName is null || !typeName.StartsWith("ArrayOf", StringComparison.Ordinal)
                || IsNil(r) || r.IsEmptyElement)
            {
                return ReadValue(r, null, out isNil);
            }

            isNil = false;
            r.Read();
            return ReadArrayItems(r, filter.KeepItem);
        }
        finally
        {
            _skipFields = outer;
        }
    }

    /// <summary>Reads a reference element: <c>type</c> attribute and text.</summary>
    public ManagedObjectReference ReadManagedObjectReference(VimXmlReader r)
    {
        string? type = null;
        for (var i = 0; i < r.AttributeCount; i++)
        {
            if (r.GetAttributeNamespace(i).Length == 0 && ReferenceEquals(r.GetAttributeLocalName(i), _names.Type))
            {
                type = r.GetAttributeAtom(i);
            }
        }

        if (type is null)
        {
            throw new VimProtocolException($"Managed object reference <{r.LocalName}> has no type attribute.");
        }

        return new ManagedObjectReference(type, ReadElementText(r));
    }

    /// <summary>Reads an element's text.</summary>
    public string ReadElementText(VimXmlReader r)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return string.Empty;
        }

        if (r.TryReadTextContent(out var plain))
        {
            var text = TextOf(plain);
            r.Read();
            return text;
        }

        r.Read();
        return ReadText(r);
    }

    /// <summary>Reads an element's text as an atomized string: repeated names (property paths) share one instance.</summary>
    public string ReadElementAtom(VimXmlReader r)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return string.Empty;
        }

        if (r.TryReadTextContent(out var plain))
        {
            var atom = _names.Table.Add(plain);
            r.Read();
            return atom;
        }

        r.Read();
        var span = ReadSpan(r, trim: false);
        return _names.Table.Add(span);
    }

    // The local part of the element's xsi:type, or null; the reader stays on the element.
    private string? XsiTypeLocalName(VimXmlReader r)
    {
        string? local = null;
        for (var i = 0; i < r.AttributeCount; i++)
        {
            if (ReferenceEquals(r.GetAttributeLocalName(i), _names.Type)
                && (ReferenceEquals(r.GetAttributeNamespace(i), _names.Xsi) || string.Equals(r.GetAttributeNamespace(i), _names.Xsi, StringComparison.Ordinal)))
            {
                local = XsiTypeOf(r.GetAttributeAtom(i)).LocalName;
            }
        }

        return local;
    }

    private bool IsNil(VimXmlReader r)
    {
        var nil = false;
        for (var i = 0; i < r.AttributeCount; i++)
        {
            if (ReferenceEquals(r.GetAttributeLocalName(i), _names.Nil) && string.Equals(r.GetAttributeNamespace(i), _names.Xsi, StringComparison.Ordinal))
            {
                nil = IsTrue(r.GetAttributeValue(i));
            }
        }

        return nil;
    }

    private static object? EmptyValue(ValueKind kind, string? typeName, string? moRefType) => kind switch
    {
        ValueKind.String => string.Empty,
        ValueKind.Base64 => Array.Empty<byte>(),
        ValueKind.Array => new List<object?>(),
        ValueKind.ManagedObjectReference => new ManagedObjectReference(moRefType ?? string.Empty, string.Empty),
        ValueKind.Complex => DataObject.Wrap(typeName ?? string.Empty, []),
        ValueKind.Infer => moRefType is null ? string.Empty : new ManagedObjectReference(moRefType, string.Empty),
        _ => new UnparsedValue(typeName ?? kind.ToString().ToLowerInvariant(), string.Empty),
    };

    private object? ReadContent(VimXmlReader r, string typeName, string? moRefType)
    {
        switch (r.MoveToContent())
        {
            case XmlNodeKind.Element:
                return ReadFields(r, typeName);
            case XmlNodeKind.EndElement:
                r.Read();
                return typeName.Length > 0 ? DataObject.Wrap(typeName, []) : (moRefType is null ? string.Empty : new ManagedObjectReference(moRefType, string.Empty));
            default:
                if (moRefType is not null)
                {
                    return new ManagedObjectReference(moRefType, ReadText(r));
                }

                if (typeName.Length > 0)
                {
                    // Text under a named non-primitive type is an enum value: few distinct values, so atomize them.
                    var span = ReadSpan(r, trim: false);
                    return _names.Table.Add(span);
                }

                return ReadText(r);
        }
    }

    private DataObject ReadFields(VimXmlReader r, string typeName)
    {
        // The fields of nested objects are stacked in one scratch array and each object takes an exact copy of its own:
        // no list per object and no spare capacity (field counts vary within a type, e.g. devices).
        var start = _fieldTop;
        var known = IsKnownOwner(typeName);
        try
        {
            while (true)
            {
                switch (r.NodeType)
                {
                    case XmlNodeKind.Element:
                        var name = r.LocalName;
                        if (_skipFields is not null && _skipFields.Contains(name))
                        {
                            r.Skip();
                            break;
                        }

                        // Most types (devices, backings, guest data) declare no field the decoder needs: no lookup per field.
                        var declared = known ? FieldOf(typeName, name) : null;
                        var value = ReadValue(r, declared?.TypeName, out var isNil);
                        if (!isNil)
                        {
                            AddField(start, name, value, declared?.IsArray == true);
                        }

                        break;
                    case XmlNodeKind.EndElement:
                        r.Read();
                        return DataObject.Wrap(typeName, _fieldTop == start ? [] : _fields.AsSpan(start, _fieldTop - start).ToArray());
                    case XmlNodeKind.None:
                        throw new VimProtocolException("The response ended inside a data object.");
                    default:
                        r.Read();
                        break;
                }
            }
        }
        finally
        {
            // Also on failure: the decoder outlives a failed parse (the pager drains pages with it).
            _fields.AsSpan(start, _fieldTop - start).Clear();
            _fieldTop = start;
        }
    }

    private void AddField(int start, string name, object? value, bool isArray)
    {
        if (_fieldTop > start)
        {
            ref var last = ref _fields[_fieldTop - 1];
            if (string.Equals(last.Key, name, StringComparison.Ordinal))
            {
                if (last.Value is RepeatedField repeated)
                {
                    repeated.Add(value);
                }
                else
                {
                    last = new(name, new RepeatedField { last.Value, value });
                }

                return;
            }
        }

        if (_fieldTop == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[_fieldTop++] = new(name, isArray ? new RepeatedField { value } : value);
    }

    /// <summary>Reads array items up to and past the end element; items <paramref name="keepItem"/> rejects are skipped undecoded.</summary>
    private List<object?> ReadArrayItems(VimXmlReader r, Func<string, bool>? keepItem = null)
    {
        // Stacked like the fields of ReadFields (arrays nest), so the list is allocated once at its final size.
        var start = _itemTop;
        try
        {
            while (true)
            {
                switch (r.NodeType)
                {
                    case XmlNodeKind.Element when keepItem is not null && !keepItem(XsiTypeLocalName(r) ?? r.LocalName):
                        r.Skip();
                        break;
                    case XmlNodeKind.Element:
                        var item = ReadValue(r, r.LocalName, out _);
                        if (_itemTop == _items.Length)
                        {
                            Array.Resize(ref _items, _items.Length * 2);
                        }

                        _items[_itemTop++] = item;
                        break;
                    case XmlNodeKind.EndElement:
                        r.Read();
                        var items = new List<object?>(_itemTop - start);
                        items.AddRange(_items.AsSpan(start, _itemTop - start));
                        return items;
                    case XmlNodeKind.None:
                        throw new VimProtocolException("The response ended inside an array.");
                    default:
                        r.Read();
                        break;
                }
            }
        }
        finally
        {
            _items.AsSpan(start, _itemTop - start).Clear();
            _itemTop = start;
        }
    }

    /// <summary>Reads text nodes up to and past the end element; the reader is on the first content node.</summary>
    private string ReadText(VimXmlReader r)
    {
        if (!IsText(r.NodeType))
        {
            ExpectEnd(r);
            return string.Empty;
        }

        var text = r.TryGetRawValue(out var raw) && raw.Length <= ShortTextCache.MaxLength ? _texts.Get(raw) : r.Value;
        r.Read();
        if (IsText(r.NodeType))
        {
            // Text split into many nodes (CDATA sections, character references): append, never concatenate in a loop.
            var builder = new System.Text.StringBuilder(text);
            while (IsText(r.NodeType))
            {
                builder.Append(r.Value);
                r.Read();
            }

            text = builder.ToString();
        }

        ExpectEnd(r);
        return text;
    }

    /// <summary>
    /// Reads text nodes up to and past the end element as UTF-8 bytes (the document's own when it has no reference), for
    /// values parsed from bytes or atomized; trimmed of XML white space unless told otherwise.
    /// </summary>
    private ReadOnlySpan<byte> ReadSpan(VimXmlReader r, bool trim = true)
    {
        var length = 0;
        while (IsText(r.NodeType))
        {
            if (r.TryGetRawValue(out var raw))
            {
                Append(raw, ref length);
            }
            else
            {
                Append(System.Text.Encoding.UTF8.GetBytes(r.Value), ref length);
            }

            r.Read();
        }

        ExpectEnd(r);
        var span = _bytes.AsSpan(0, length);
        return trim ? span.Trim(" \t\r\n"u8) : span;
    }

    private void Append(ReadOnlySpan<byte> bytes, ref int length)
    {
        if (length + bytes.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, length + bytes.Length));
        }

        bytes.CopyTo(_bytes.AsSpan(length));
        length += bytes.Length;
    }

    private static void ExpectEnd(VimXmlReader r)
    {
        if (r.NodeType != XmlNodeKind.EndElement)
        {
            throw new VimProtocolException($"Unexpected {r.NodeType} <{r.LocalName}> inside a simple value.");
        }

        r.Read();
    }

    private sealed class AtomPairComparer : IEqualityComparer<(string Owner, string Field)>
    {
        public static readonly AtomPairComparer Instance = new();

        public bool Equals((string Owner, string Field) x, (string Owner, string Field) y) =>
            ReferenceEquals(x.Owner, y.Owner) && ReferenceEquals(x.Field, y.Field);

        public int GetHashCode((string Owner, string Field) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Owner), RuntimeHelpers.GetHashCode(obj.Field));
    }

    private sealed record XsiType(string? Prefix, string LocalName, ValueKind XsdKind, ValueKind VimKind);
}
