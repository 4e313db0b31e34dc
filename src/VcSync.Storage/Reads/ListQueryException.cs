namespace VcSync.Storage.Reads;

/// <summary>A listing was asked for something it does not offer: an unknown filter or sort, or a value of the wrong kind.</summary>
public sealed class ListQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ListQueryException()
    {
    }

    /// <summary>Creates the exception with a message for the caller.</summary>
    public ListQueryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ListQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
