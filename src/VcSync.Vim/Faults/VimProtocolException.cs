namespace VcSync.Vim.Faults;

/// <summary>The server answered with something that is not a valid SOAP response: malformed or truncated XML, an HTML error page, a refused document type declaration, or a response over the size limit.</summary>
public sealed class VimProtocolException : VimException
{
    /// <summary>Creates the exception.</summary>
    public VimProtocolException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
