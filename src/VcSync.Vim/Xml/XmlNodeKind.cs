namespace VcSync.Vim.Xml;

/// <summary>The nodes <see cref="VimXmlReader"/> reports: comments, processing instructions and the declaration are never reported.</summary>
internal enum XmlNodeKind
{
    /// <summary>Before the first <see cref="VimXmlReader.Read"/>, and after the end of the document.</summary>
    None,

    /// <summary>A start tag or an empty element.</summary>
    Element,

    /// <summary>An end tag.</summary>
    EndElement,

    /// <summary>Character data with at least one character that is not white space (references included).</summary>
    Text,

    /// <summary>A CDATA section.</summary>
    CDATA,

    /// <summary>Character data made only of spaces, tabs, line feeds and carriage returns.</summary>
    Whitespace,
}
