namespace VcSync.Vim.Values;

/// <summary>One object of a PropertyCollector result: its reference, the properties that are set, and those that failed.</summary>
public sealed class ObjectContent
{
    /// <summary>Creates an object content.</summary>
    public ObjectContent(ManagedObjectReference obj, IReadOnlyList<DynamicProperty> propSet, IReadOnlyList<MissingProperty> missingSet)
    {
        Obj = obj;
        PropSet = propSet;
        MissingSet = missingSet;
    }

    /// <summary>The object.</summary>
    public ManagedObjectReference Obj { get; }

    /// <summary>The properties that are set. An unset property is simply absent.</summary>
    public IReadOnlyList<DynamicProperty> PropSet { get; }

    /// <summary>The properties the server could not return, with their faults.</summary>
    public IReadOnlyList<MissingProperty> MissingSet { get; }

    /// <summary>The value of the property at <paramref name="path"/>, or <see langword="null"/> when it is absent.</summary>
    public object? this[string path]
    {
        get
        {
            // By index: a foreach over the interface would allocate an enumerator per lookup.
            var properties = PropSet;
            for (var i = 0; i < properties.Count; i++)
            {
                if (string.Equals(properties[i].Name, path, StringComparison.Ordinal))
                {
                    return properties[i].Value;
                }
            }

            return null;
        }
    }
}
