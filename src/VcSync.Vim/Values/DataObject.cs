namespace VcSync.Vim.Values;

/// <summary>
/// A vSphere data object (a complex value such as <c>HostSystemIdentificationInfo</c>) kept generically:
/// its <c>xsi:type</c> name and its fields in document order. Types the client has never heard of decode the same way.
/// </summary>
public sealed class DataObject
{
    private readonly List<KeyValuePair<string, object?>>? _list;

    // The decoder's objects hold their fields in an array of the exact length: no list object, no spare capacity.
    private readonly KeyValuePair<string, object?>[]? _array;

    /// <summary>Creates a data object of the given type with the given fields.</summary>
    public DataObject(string typeName, List<KeyValuePair<string, object?>> fields)
    {
        TypeName = typeName;
        _list = fields;
    }

    private DataObject(string typeName, KeyValuePair<string, object?>[] fields)
    {
        TypeName = typeName;
        _array = fields;
    }

    /// <summary>The <c>xsi:type</c> local name, e.g. <c>VmwareDistributedVirtualSwitchVlanIdSpec</c>.</summary>
    public string TypeName { get; }

    /// <summary>The fields in document order; a repeated element appears once holding an <see cref="IReadOnlyList{T}"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Fields => (IReadOnlyList<KeyValuePair<string, object?>>?)_array ?? _list!;

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
        ReadOnlySpan<KeyValuePair<string, object?>> fields = _array ?? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_list);
        foreach (ref readonly var field in fields)
        {
            if (name.SequenceEqual(field.Key))
            {
                return field.Value;
            }
        }

        return null;
    }
}
