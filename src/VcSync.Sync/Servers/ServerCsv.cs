using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using VcSync.Inventory;
using VcSync.Storage.Servers;

namespace VcSync.Sync.Servers;

/// <summary>
/// The server import file: a header row <c>service_tag,hostname,model,idrac_ip</c>, then one server per record. Every
/// record is checked before anything is imported, so a file with one bad row imports nothing; the error names the line.
/// </summary>
public static partial class ServerCsv
{
    /// <summary>The header row's columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["service_tag", "hostname", "model", "idrac_ip"];

    /// <summary>The longest service tag accepted; Dell's are 7 characters, other vendors' serials run longer.</summary>
    public const int MaxServiceTagLength = 20;

    /// <summary>The servers of <paramref name="text"/>, tags trimmed and upper-cased, blank fields as null.</summary>
    /// <exception cref="CsvFormatException">The file is malformed or a row is invalid; nothing should be imported.</exception>
    public static IReadOnlyList<ServerImportRow> Parse(string text)
    {
        var records = CsvReader.Read(text);
        if (records.Count == 0)
        {
            throw new CsvFormatException(1, $"the file is empty; expected the header row {string.Join(',', Columns)}");
        }

        var header = records[0];
        if (header.Fields.Count != Columns.Count
            || !header.Fields.Select(f => f.Trim()).SequenceEqual(Columns, StringComparer.OrdinalIgnoreCase))
        {
            throw new CsvFormatException(header.Line, $"expected the header row {string.Join(',', Columns)}");
        }

        var rows = new List<ServerImportRow>(records.Count - 1);
        var lineOfTag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != Columns.Count)
            {
                throw new CsvFormatException(
                    record.Line, string.Create(CultureInfo.InvariantCulture, $"expected {Columns.Count} fields, found {record.Fields.Count}"));
            }

            var tag = record.Fields[0].Trim().ToUpperInvariant();
            if (tag.Length == 0)
            {
                throw new CsvFormatException(record.Line, "empty service tag");
            }

            if (tag.Length > MaxServiceTagLength || !ServiceTagPattern().IsMatch(tag) || ServiceTagRules.IsPlaceholder(tag))
            {
                throw new CsvFormatException(record.Line, $"invalid service tag '{record.Fields[0]}' (letters and digits, at most {MaxServiceTagLength})");
            }

            if (!lineOfTag.TryAdd(tag, record.Line))
            {
                throw new CsvFormatException(
                    record.Line, string.Create(CultureInfo.InvariantCulture, $"service tag {tag} is already on line {lineOfTag[tag]}"));
            }

            rows.Add(new ServerImportRow
            {
                ServiceTag = tag,
                Hostname = Blank(record.Fields[1]),
                Model = Blank(record.Fields[2]),
                IdracIp = IpAddress(record.Fields[3], record.Line),
            });
        }

        return rows;
    }

    private static string? IpAddress(string field, int line)
    {
        var text = field.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        // IPAddress.TryParse alone takes "1" or "10.1" as IPv4 shorthands; only the dotted quad or IPv6 is an address here.
        var valid = text.Contains(':', StringComparison.Ordinal)
            ? IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
            : Ipv4Pattern().IsMatch(text);
        return valid ? text : throw new CsvFormatException(line, $"invalid iDRAC IP address '{field}'");
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceTagPattern();

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4Pattern();
}
