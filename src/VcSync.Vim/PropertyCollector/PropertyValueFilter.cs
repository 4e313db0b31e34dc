using System.Collections.Frozen;

namespace VcSync.Vim.PropertyCollector;

/// <summary>
/// Trims one property's value while it streams in, so that what is not needed is skipped in the XML and never
/// decoded: array items whose type is not wanted (the devices of <c>config.hardware.device</c> other than NICs and
/// disks), and named fields at any depth inside the value (<c>ipConfig</c> of <c>guest.net</c>).
/// </summary>
public sealed class PropertyValueFilter
{
    /// <summary>Creates a filter for the property <paramref name="path"/>.</summary>
    /// <param name="path">The property path as asked, e.g. <c>config.hardware.device</c>.</param>
    /// <param name="keepItem">
    /// For an array value: whether to keep an item, by its type name (its <c>xsi:type</c>, else its element name); null
    /// keeps every item.
    /// </param>
    /// <param name="skipFields">Field names skipped wherever they occur inside the value; null or empty skips none.</param>
    public PropertyValueFilter(string path, Func<string, bool>? keepItem = null, IEnumerable<string>? skipFields = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        KeepItem = keepItem;
        SkipFields = skipFields is null ? null : skipFields.ToFrozenSet(StringComparer.Ordinal);
        if (SkipFields?.Count == 0)
        {
            SkipFields = null;
        }
    }

    /// <summary>The property path.</summary>
    public string Path { get; }

    /// <summary>Whether to keep an array item, by its type name; null keeps all.</summary>
    public Func<string, bool>? KeepItem { get; }

    /// <summary>Field names never decoded inside the value.</summary>
    public FrozenSet<string>? SkipFields { get; }
}
