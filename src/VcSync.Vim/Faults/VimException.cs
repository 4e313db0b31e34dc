namespace VcSync.Vim.Faults;

/// <summary>The base of every error the vSphere client raises, other than cancellation by the caller.</summary>
public abstract class VimException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    protected VimException(string message, Exception? innerException = null)
        : base(OneLine(message), innerException)
    {
    }

    /// <summary>
    /// Whether trying the same work again may succeed: the connection broke, a call timed out, a gateway answered
    /// 502/503/504, or a response was cut short. False for what repeats the same way (a fault, a bad certificate,
    /// malformed XML).
    /// </summary>
    public virtual bool IsTransient => false;

    internal static string OneLine(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return text.Trim();
        }

        return string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
