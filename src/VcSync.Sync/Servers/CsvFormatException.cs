namespace VcSync.Sync.Servers;

/// <summary>A CSV file that cannot be read or imported; the message names the line.</summary>
public sealed class CsvFormatException : Exception
{
    /// <summary>A problem on <paramref name="line"/>.</summary>
    public CsvFormatException(int line, string problem)
        : base($"line {line}: {problem}")
    {
        Line = line;
    }

    /// <summary>Creates the exception.</summary>
    public CsvFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CsvFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The 1-based line of the file, 0 when the problem is not on one line.</summary>
    public int Line { get; }
}
