namespace VcSync.Vim.Xml;

/// <summary>A response that <see cref="VimXmlReader"/> refuses; the message is one line and says where (line and column).</summary>
internal sealed class VimXmlException : Exception
{
    /// <summary>Creates the error.</summary>
    public VimXmlException(VimXmlError kind, string message, long line, long column)
        : base($"{message} (line {line}, column {column}).")
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    /// <summary>Creates an error that has no position.</summary>
    public VimXmlException()
        : this(VimXmlError.Malformed, "The document is not well-formed", 0, 0)
    {
    }

    /// <summary>Creates an error that has no position.</summary>
    public VimXmlException(string message)
        : this(VimXmlError.Malformed, message, 0, 0)
    {
    }

    /// <summary>Creates an error that has no position.</summary>
    public VimXmlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What kind of refusal this is.</summary>
    public VimXmlError Kind { get; }

    /// <summary>The 1-based line of the offending byte.</summary>
    public long Line { get; }

    /// <summary>The 1-based column (in bytes) of the offending byte.</summary>
    public long Column { get; }
}
