using System.Text.Json;

namespace VcSync.Export.Sheets;

/// <summary>
/// Reads one value out of a VM's <c>custom_attributes</c> JSON object. The columns of one row ask one after another
/// with the same text, so the last object parsed is kept.
/// </summary>
internal sealed class CustomAttributeValues
{
    private string? _json;
    private Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public string? Get(string? json, string name)
    {
        if (json is null)
        {
            return null;
        }

        if (!ReferenceEquals(json, _json))
        {
            _values = Parse(json);
            _json = json;
        }

        return _values.GetValueOrDefault(name);
    }

    /// <summary>The attribute names of a <c>custom_attributes</c> object; none when it is not an object.</summary>
    public static IEnumerable<string> Names(string json) => Parse(json).Keys;

    private static Dictionary<string, string?> Parse(string json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
            }
        }
        catch (JsonException)
        {
            // Not ours to judge: a value the store holds that is not an object has no attributes to show.
        }

        return values;
    }
}
