namespace VcSync.Vim.Faults;

/// <summary>The server's TLS certificate was refused: not trusted by the system, or not the pinned one.</summary>
public sealed class VimCertificateException : VimException
{
    /// <summary>Creates the exception.</summary>
    public VimCertificateException(string message, string thumbprint, Exception? innerException = null)
        : base(message, innerException)
    {
        Thumbprint = thumbprint;
    }

    /// <summary>The SHA-256 thumbprint of the refused leaf certificate, as upper-case hex without separators.</summary>
    public string Thumbprint { get; }
}
