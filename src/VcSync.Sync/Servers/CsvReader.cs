using System.Text;

namespace VcSync.Sync.Servers;

/// <summary>
/// A strict RFC 4180 reader: fields separated by commas, records by CRLF or LF; a field in double quotes may hold
/// commas, line breaks and doubled quotes. Anything else about quotes is an error with its line (a quote inside an
/// unquoted field, text after a closing quote, a quote never closed), because guessing would import wrong data.
/// Lines that are entirely empty are skipped.
/// </summary>
public static class CsvReader
{
    /// <summary>Every record of <paramref name="text"/>, in order.</summary>
    /// <exception cref="CsvFormatException">The text is not well-formed CSV.</exception>
    public static IReadOnlyList<CsvRecord> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var atFieldStart = true;
        var recordEmpty = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (atFieldStart && c == '"')
            {
                var quoteLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new CsvFormatException(quoteLine, "a quoted field is never closed (unbalanced quotes)");
                    }

                    c = text[i];
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                    i++;
                }

                recordEmpty = false;
                atFieldStart = false;
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    throw new CsvFormatException(line, "text after a closing quote (unbalanced quotes)");
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    recordEmpty = false;
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    i++;
                    break;
                case '\r' or '\n':
                    EndRecord();
                    i++;
                    line++;
                    recordLine = line;
                    break;
                case '"':
                    throw new CsvFormatException(line, "a quote inside an unquoted field (unbalanced quotes)");
                default:
                    field.Append(c);
                    atFieldStart = false;
                    recordEmpty = false;
                    i++;
                    break;
            }
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            if (!recordEmpty)
            {
                fields.Add(field.ToString());
                records.Add(new CsvRecord(recordLine, fields.ToArray()));
            }

            fields.Clear();
            field.Clear();
            atFieldStart = true;
            recordEmpty = true;
        }
    }
}
