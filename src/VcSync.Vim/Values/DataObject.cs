namespace VcSync.Vim.Values;

/// <summary>
/// A vSphere data object (a complex value such as <c>HostSystemIdentificationInfo</c>) kept generically:
/// its <c>xsi:type</c> name and its fields in document order. Types the client has never heard of decode the same way.
/// </summary>
public sealed class DataObject
{
    private readonly List<KeyValuePair<string, object?>> _fields;

    /// <summary>Creates a data object of the given type with the given fields.</summary>
    public DataObject(string typeName, List<KeyValuePair<string, object?>> fields)
    {
        TypeName = typeName;
        _fields = fields;
    }

    /// <summary>The <c>xsi:type</c> local name, e.g. <c>VmwareDistributedVirtualSwitchVlanIdSpec</c>.</summary>
    public string TypeName { get; }

    /// <summary>The fields in document order; a repeated element appears once holding an <see cref="IReadOnlyList{T}"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _fields;

    /// <summary>The value of the named field, or <see langword="null"/> when it is unset.</summary>
    public object? this[string name]
    {
        get
        {
            foreach (var field in _fields)
            {
                if (string.Equals(field.Key, name, StringComparison.Ordinal))
                {
                    return field.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Follows a dotted path (<c>vlan.vlanId</c>) through nested data objects.</summary>
    public object? Get(string path)
    {
        object? current = this;
        foreach (var part in path.Split('.'))
        {
            if (current is not DataObject data)
            {
                return null;
            }

            current = data[part];
        }

        return current;
    }
}
