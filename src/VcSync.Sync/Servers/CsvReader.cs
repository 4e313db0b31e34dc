using Sylvan.Data.Csv;

namespace VcSync.Sync.Servers;

/// <summary>
/// A strict RFC 4180 reader on Sylvan.Data.Csv: fields separated by commas, records by CRLF or LF; a field in double
/// quotes may hold commas, line breaks and doubled quotes. Anything else about quotes is an error with its line (a
/// quote inside an unquoted field, text after a closing quote, a quote never closed), because guessing would import
/// wrong data. Lines that are entirely empty are skipped.
/// </summary>
public static class CsvReader
{
    /// <summary>Every record of <paramref name="text"/>, in order.</summary>
    /// <exception cref="CsvFormatException">The text is not well-formed CSV.</exception>
    public static IReadOnlyList<CsvRecord> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        // Sylvan counts records; errors name the physical line a record starts on, counted from the raw records.
        var line = 1;
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            CsvStyle = CsvStyle.Standard,
            ResultSetMode = ResultSetMode.SingleResult,
        };
        try
        {
            using var reader = CsvDataReader.Create(new StringReader(text.TrimStart('\uFEFF')), options);
            while (reader.Read())
            {
                var raw = reader.GetRawRecordSpan();
                var start = line;
                line += LineBreaks(raw);
                if (raw.TrimEnd("\r\n").IsEmpty)
                {
                    continue;
                }

                var fields = new string[reader.RowFieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetString(i);
                }

                // Sylvan takes a quote inside an unquoted field as text; this reader refuses it.
                if (raw.Contains('"') && HasStrayQuote(raw))
                {
                    throw new CsvFormatException(start, "a quote inside an unquoted field (unbalanced quotes)");
                }

                records.Add(new CsvRecord(start, fields));
            }
        }
        catch (Sylvan.Data.Csv.CsvFormatException exception)
        {
            var problem = exception.Message switch
            {
                var m when m.Contains("without a closing quote", StringComparison.Ordinal) => "a quoted field is never closed (unbalanced quotes)",
                var m when m.Contains("after a closing quote", StringComparison.Ordinal) => "text after a closing quote (unbalanced quotes)",
                var m => m,
            };
            throw new CsvFormatException(line, problem);
        }

        return records;
    }

    private static int LineBreaks(ReadOnlySpan<char> raw)
    {
        var breaks = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
            {
                breaks++;
            }
        }

        return breaks;
    }

    // Walks the raw record: a quote opens a field only at its start; inside it, "" is a quote and " closes it.
    private static bool HasStrayQuote(ReadOnlySpan<char> raw)
    {
        var atFieldStart = true;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (atFieldStart && c == '"')
            {
                for (i++; i < raw.Length && !(raw[i] == '"' && (i + 1 == raw.Length || raw[i + 1] != '"')); i++)
                {
                    if (raw[i] == '"')
                    {
                        i++;
                    }
                }

                atFieldStart = false;
                continue;
            }

            if (c == '"')
            {
                return true;
            }

            atFieldStart = c is ',' or '\r' or '\n';
        }

        return false;
    }
}
