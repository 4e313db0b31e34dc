namespace VcSync.Vim.Faults;

/// <summary>The server could not be reached or the connection broke: DNS, refused, reset, or TLS failure other than an untrusted certificate.</summary>
public sealed class VimConnectionException : VimException
{
    /// <summary>Creates the exception.</summary>
    public VimConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
