namespace VcSync.Vim.Faults;

/// <summary>The server answered with something that is not a valid SOAP response: malformed or truncated XML, an HTML error page, a refused document type declaration, or a response over the size limit.</summary>
public sealed class VimProtocolException : VimException
{
    private readonly bool _transient;

    /// <summary>Creates the exception for an answer that will be the same when asked again.</summary>
    public VimProtocolException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception, saying whether asking again may help (a gateway error, a truncated body).</summary>
    public VimProtocolException(string message, bool transient, Exception? innerException = null)
        : base(message, innerException)
    {
        _transient = transient;
    }

    /// <summary>True for HTTP 502/503/504 and for a body that ends before its document does.</summary>
    public override bool IsTransient => _transient;
}
