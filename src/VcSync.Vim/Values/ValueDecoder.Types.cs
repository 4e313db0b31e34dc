using VcSync.Vim.Faults;
using VcSync.Vim.Xml;

namespace VcSync.Vim.Values;

/// <summary>Type lookups: <c>xsi:type</c> spellings, declared field types, and the value filters' skipped fields, each cached per atom.</summary>
internal sealed partial class ValueDecoder
{
    // Whether any field of the type is declared in KnownTypes; asked once per data object. Capped as the field cache is.
    private bool IsKnownOwner(string typeName)
    {
        if (_knownOwners.TryGetValue(typeName, out var known))
        {
            return known;
        }

        known = KnownTypes.IsOwner(typeName);
        if (_knownOwners.Count < MaxCachedFields)
        {
            _knownOwners.Add(typeName, known);
        }

        return known;
    }

    // The filter's field names as atoms of the reader's table: names from the reader are atomized, so the set compares
    // references instead of hashing each field name.
    private HashSet<string>? SkipSetOf(PropertyCollector.PropertyValueFilter filter)
    {
        if (!_skipSets.TryGetValue(filter, out var set))
        {
            if (filter.SkipFields is { } fields)
            {
                set = new HashSet<string>(ReferenceEqualityComparer.Instance);
                foreach (var field in fields)
                {
                    set.Add(_names.Table.Add(field));
                }
            }

            _skipSets.Add(filter, set);
        }

        return set;
    }

    // Names from the reader are atomized, so a field's declared type is looked up once per (owner, field) pair;
    // the cap keeps a hostile stream of distinct names from growing the cache without bound.
    private FieldType? FieldOf(string owner, string field)
    {
        if (_fieldTypes.TryGetValue((owner, field), out var type))
        {
            return type;
        }

        type = KnownTypes.Field(owner, field);
        if (_fieldTypes.Count < MaxCachedFields)
        {
            _fieldTypes.Add((owner, field), type);
        }

        return type;
    }

    private ValueKind ResolveXsiType(VimXmlReader r, string qualified, out string typeName)
    {
        var entry = XsiTypeOf(qualified);
        var ns = r.LookupNamespace(entry.Prefix ?? string.Empty);
        if (ns is null && entry.Prefix is not null)
        {
            throw new VimProtocolException($"The xsi:type '{qualified}' of <{r.LocalName}> uses an undeclared prefix '{entry.Prefix}'.");
        }

        typeName = entry.LocalName;
        return ReferenceEquals(ns, _names.Xsd) || string.Equals(ns, _names.Xsd, StringComparison.Ordinal) ? entry.XsdKind : entry.VimKind;
    }

    private XsiType XsiTypeOf(string qualified)
    {
        // The qualified name is atomized, so each distinct spelling is split and classified once.
        if (!_xsiTypes.TryGetValue(qualified, out var entry))
        {
            var colon = qualified.IndexOf(':', StringComparison.Ordinal);
            var local = _names.Table.Add(colon < 0 ? qualified : qualified[(colon + 1)..]);
            entry = new XsiType(
                colon < 0 ? null : _names.Table.Add(qualified[..colon]),
                local,
                NamedKinds.TryGetValue(local, out var primitive) ? primitive : ValueKind.String,
                KindOfName(local));
            _xsiTypes.Add(qualified, entry);
        }

        return entry;
    }

    private static ValueKind KindOfName(string name)
    {
        if (NamedKinds.TryGetValue(name, out var kind))
        {
            return kind;
        }

        return name.StartsWith("ArrayOf", StringComparison.Ordinal) ? ValueKind.Array : ValueKind.Complex;
    }
}
