namespace VcSync.Vim.Faults;

/// <summary>A SOAP call (request and reading its whole response) took longer than <see cref="VimClientOptions.CallTimeout"/>.</summary>
public sealed class VimTimeoutException : VimException
{
    /// <summary>Creates the exception.</summary>
    public VimTimeoutException(string message, TimeSpan timeout, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that was exceeded.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
