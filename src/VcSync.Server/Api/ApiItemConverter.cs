using System.Text.Json;
using System.Text.Json.Serialization;
using VcSync.Storage.Schema;

namespace VcSync.Server.Api;

/// <summary>Writes an <see cref="ApiItem"/> as a flat object by hand: no reflection, JSON columns embedded as JSON.</summary>
internal sealed class ApiItemConverter : JsonConverter<ApiItem>
{
    public override ApiItem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Items are written, never read.");

    public override void Write(Utf8JsonWriter writer, ApiItem value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var column in value.Resource.Columns)
        {
            writer.WritePropertyName(column.Name);
            WriteValue(writer, value.Values.GetValueOrDefault(column.Name), column.Kind);
        }

        writer.WriteStartObject("links");
        foreach (var (name, path) in value.Links)
        {
            writer.WriteString(name, path);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    internal static void WriteValue(Utf8JsonWriter writer, object? value, ColumnKind kind)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string json when kind == ColumnKind.Json:
                writer.WriteRawValue(json, skipInputValidation: false);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case Guid id:
                writer.WriteStringValue(id);
                break;
            case DateTimeOffset instant:
                writer.WriteStringValue(instant.ToUniversalTime());
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
