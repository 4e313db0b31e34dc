namespace VcSync.Vim.Xml;

/// <summary>
/// One entry of an <see cref="AtomTable"/>: the single string instance of a spelling and, once it has been used as a
/// qualified name, its prefix and local part (both atomized too), so that a name is split and checked only once.
/// </summary>
internal sealed class Atom
{
    /// <summary>Creates the atom of <paramref name="value"/>.</summary>
    public Atom(string value, byte[] utf8)
    {
        Value = value;
        Local = value;
        Utf8 = utf8;
    }

    /// <summary>The spelling's UTF-8 bytes: an end tag is matched against its start tag's bytes without a lookup.</summary>
    public byte[] Utf8 { get; }

    /// <summary>The atomized string.</summary>
    public string Value { get; }

    /// <summary>The prefix when used as a qualified name (null when it has none); valid once <see cref="IsName"/> is set.</summary>
    public string? Prefix { get; private set; }

    /// <summary>The local part when used as a qualified name; valid once <see cref="IsName"/> is set.</summary>
    public string Local { get; private set; }

    /// <summary>Whether the spelling has been split as a qualified name.</summary>
    public bool IsName { get; private set; }

    /// <summary>The element name that last followed this element's start tag (its first child), as the reader's guess.</summary>
    public Atom? AfterOpen { get; set; }

    /// <summary>The element name that last followed this element's end (its next sibling), as the reader's guess.</summary>
    public Atom? AfterClose { get; set; }

    /// <summary>The first attribute name this element last had, as the reader's guess.</summary>
    public Atom? FirstAttribute { get; set; }

    /// <summary>The attribute name that last followed this attribute, as the reader's guess.</summary>
    public Atom? NextAttribute { get; set; }

    /// <summary>Records the split; the reader has checked the name before.</summary>
    public void SetName(string? prefix, string local)
    {
        Prefix = prefix;
        Local = local;
        IsName = true;
    }
}
