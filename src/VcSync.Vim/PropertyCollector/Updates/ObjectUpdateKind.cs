namespace VcSync.Vim.PropertyCollector;

/// <summary>What happened to an object between two versions of a filter (<c>ObjectUpdateKind</c>).</summary>
public enum ObjectUpdateKind
{
    /// <summary>The object's properties changed.</summary>
    Modify,

    /// <summary>The object became visible to the filter (created, moved in, or every object at version <c>""</c>).</summary>
    Enter,

    /// <summary>The object left the filter (destroyed or moved out); no changes come with it.</summary>
    Leave,
}
