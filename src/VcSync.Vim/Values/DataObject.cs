namespace VcSync.Vim.Values;

/// <summary>
/// A vSphere data object (a complex value such as <c>HostSystemIdentificationInfo</c>) kept generically:
/// its <c>xsi:type</c> name and its fields in document order. Types the client has never heard of decode the same way.
/// </summary>
public sealed class DataObject
{
    // An array of the exact length: the decoder makes hundreds of thousands of these per large fetch.
    private readonly KeyValuePair<string, object?>[] _fields;

    /// <summary>Creates a data object of the given type with (a copy of) the given fields.</summary>
    public DataObject(string typeName, List<KeyValuePair<string, object?>> fields)
        : this(typeName, fields.ToArray())
    {
    }

    private DataObject(string typeName, KeyValuePair<string, object?>[] fields)
    {
        TypeName = typeName;
        _fields = fields;
    }

    /// <summary>The <c>xsi:type</c> local name, e.g. <c>VmwareDistributedVirtualSwitchVlanIdSpec</c>.</summary>
    public string TypeName { get; }

    /// <summary>The fields in document order; a repeated element appears once holding an <see cref="IReadOnlyList{T}"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _fields;

    /// <summary>The value of the named field, or <see langword="null"/> when it is unset.</summary>
    public object? this[string name] => name is null ? null : Find(name.AsSpan());

    /// <summary>Follows a dotted path (<c>vlan.vlanId</c>) through nested data objects.</summary>
    public object? Get(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        object? current = this;
        var rest = path.AsSpan();
        while (true)
        {
            if (current is not DataObject data)
            {
                return null;
            }

            // Walked on spans: a path is followed for every device of every VM, so it is not split into new strings.
            var dot = rest.IndexOf('.');
            if (dot < 0)
            {
                return data.Find(rest);
            }

            current = data.Find(rest[..dot]);
            rest = rest[(dot + 1)..];
        }
    }

    /// <summary>A data object over <paramref name="fields"/>, which it keeps (the caller must not change them).</summary>
    internal static DataObject Wrap(string typeName, KeyValuePair<string, object?>[] fields) => new(typeName, fields);

    private object? Find(ReadOnlySpan<char> name)
    {
        foreach (ref readonly var field in _fields.AsSpan())
        {
            if (name.SequenceEqual(field.Key))
            {
                return field.Value;
            }
        }

        return null;
    }
}
