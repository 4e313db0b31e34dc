using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using VcSync.Vim.Values;
using static VcSync.Inventory.Mapping.LenientValue;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Custom attributes: the definitions (<c>CustomFieldsManager.field</c>, key to name) and an entity's
/// <c>customValue</c>, written as a JSON object of name to value with names in ordinal order, so an unchanged set of
/// values is the same text on every sync. A key without a definition is named by its number.
/// </summary>
internal static class CustomAttributes
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Dictionary<int, string> Definitions(object? fields)
    {
        var names = new Dictionary<int, string>();
        foreach (var item in VimValue.AsList(fields))
        {
            if (item is DataObject field && Int(field["key"]) is { } key && String(field["name"]) is { } name)
            {
                names[key] = name;
            }
        }

        return names;
    }

    /// <summary>The <c>customValue</c> entries as key and value, in server order.</summary>
    public static List<KeyValuePair<int, string>>? Values(object? customValue)
    {
        List<KeyValuePair<int, string>>? values = null;
        foreach (var item in VimValue.AsList(customValue))
        {
            if (item is DataObject entry && Int(entry["key"]) is { } key)
            {
                (values ??= []).Add(new(key, String(entry["value"]) ?? string.Empty));
            }
        }

        return values;
    }

    /// <summary>The JSON object of a VM's values; null when it has none.</summary>
    public static string? ToJson(List<KeyValuePair<int, string>>? values, Dictionary<int, string> definitions)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var named = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            named[definitions.TryGetValue(key, out var name) ? name : key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = value;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in named)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
