namespace VcSync.Vim.Faults;

/// <summary>The base of every error the vSphere client raises, other than cancellation by the caller.</summary>
public abstract class VimException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    protected VimException(string message, Exception? innerException = null)
        : base(OneLine(message), innerException)
    {
    }

    internal static string OneLine(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return text.Trim();
        }

        return string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
