using System.Buffers;
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

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

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

    /// <summary>The <c>customValue</c> entries as key and value, in server order; null when there is none.</summary>
    public static KeyValuePair<int, string>[]? Values(object? customValue, MapScratch scratch)
    {
        var values = scratch.CustomValues;
        values.Clear();
        foreach (var item in ValueItems.Of(customValue))
        {
            if (item is DataObject entry && Int(entry["key"]) is { } key)
            {
                values.Add(new(key, String(entry["value"]) ?? string.Empty));
            }
        }

        return values.Count == 0 ? null : values.ToArray();
    }

    /// <summary>The JSON object of a VM's values; null when it has none.</summary>
    public static string? ToJson(IReadOnlyList<KeyValuePair<int, string>>? values, Dictionary<int, string> definitions)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        // Sorted by name (ordinal), the last value of a name winning; then written with one writer and buffer reused
        // per thread: this runs for every VM.
        var named = new (string Name, int Order, string Value)[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var (key, value) = values[i];
            named[i] = (definitions.TryGetValue(key, out var name) ? name : key.ToString(System.Globalization.CultureInfo.InvariantCulture), i, value);
        }

        Array.Sort(named, static (a, b) => string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : a.Order.CompareTo(b.Order));
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        writer.WriteStartObject();
        for (var i = 0; i < named.Length; i++)
        {
            if (i + 1 < named.Length && string.Equals(named[i].Name, named[i + 1].Name, StringComparison.Ordinal))
            {
                continue;
            }

            writer.WriteString(named[i].Name, named[i].Value);
        }

        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
