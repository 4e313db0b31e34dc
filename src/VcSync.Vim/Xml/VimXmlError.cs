namespace VcSync.Vim.Xml;

/// <summary>Why <see cref="VimXmlReader"/> refused a document: the callers map each kind to its own message and retry policy.</summary>
internal enum VimXmlError
{
    /// <summary>The document breaks a rule of XML 1.0 or of namespaces.</summary>
    Malformed,

    /// <summary>The bytes ended before the document did: a body cut short, worth asking again.</summary>
    Truncated,

    /// <summary>A document type declaration, refused so that no entity is ever declared or expanded.</summary>
    DocumentType,

    /// <summary>The document, or one token of it, is larger than the configured limit.</summary>
    TooLarge,
}
