namespace VcSync.Vim.PropertyCollector;

/// <summary>How a property changed (<c>PropertyChangeOp</c>).</summary>
public enum PropertyChangeOp
{
    /// <summary>The property got a new value; no value means it became unset.</summary>
    Assign,

    /// <summary>An element was added to a collection property (the name carries its key).</summary>
    Add,

    /// <summary>An element was removed from a collection property, or the property was removed.</summary>
    Remove,

    /// <summary>The property was removed because the property containing it was.</summary>
    IndirectRemove,
}
