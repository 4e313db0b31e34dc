using CsvHelper;
using HelperReader = CsvHelper.CsvReader;

namespace VcSync.Sync.Servers;

/// <summary>
/// A strict RFC 4180 reading of a CSV text with CsvHelper's reader: fields separated by commas, records by CRLF or LF;
/// a field in double quotes may hold commas, line breaks and doubled quotes. CsvHelper would recover from bad quoting
/// by guessing, which would import wrong data, so any quoting problem (a quote inside an unquoted field, text after a
/// closing quote, a quote never closed) is an error naming its line. Lines that are entirely empty are skipped.
/// </summary>
public static class CsvReader
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        HasHeader = false,
        Separator = ',',
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        OnMalformedRecord = Refuse,
    };

    /// <summary>Every record of <paramref name="text"/>, in order.</summary>
    /// <exception cref="CsvFormatException">The text is not well-formed CSV.</exception>
    public static IReadOnlyList<CsvRecord> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        using var reader = HelperReader.FromText(text, Options);
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            records.Add(new CsvRecord(checked((int)reader.LineNumber), fields));
        }

        return records;
    }

    private static void Refuse(CsvMalformedRecord record)
    {
        var problem = record.Reason switch
        {
            CsvMalformedReason.StrayQuote => "a quote inside an unquoted field (unbalanced quotes)",
            CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote (unbalanced quotes)",
            CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed (unbalanced quotes)",
            _ => $"malformed record ({record.Reason})",
        };
        throw new CsvFormatException(checked((int)record.LineNumber), problem);
    }
}
