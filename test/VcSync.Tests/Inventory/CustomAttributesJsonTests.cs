using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using VcSync.Inventory.Mapping;

namespace VcSync.Tests.Inventory;

/// <summary>
/// A VM's custom attributes as JSON (name to value, names in ordinal order, the last value of a repeated name winning):
/// the reused writer gives the text the original one-writer-per-VM code gave, kept here as the oracle.
/// </summary>
public sealed class CustomAttributesJsonTests
{
    [Fact]
    public void The_json_is_the_oracles_for_repeats_unknown_keys_ordering_and_escaping()
    {
        var definitions = new Dictionary<int, string> { [1] = "Owner", [2] = "owner", [3] = "Ärger \"quoted\" <b>", [4] = "Owner", [5] = "a\tb", [6] = "10" };
        List<KeyValuePair<int, string>>[] cases =
        [
            [new(1, "alice")],
            [new(2, "x"), new(1, "y"), new(3, "z\n\u2028 é 😀"), new(99, "unknown"), new(6, "ten"), new(10, "key ten")],
            [new(1, "first"), new(4, "second"), new(1, "third")],
            [new(5, ""), new(5, "again"), new(7, "seven"), new(70, "seventy"), new(8, "eight")],
        ];
        var random = new Random(20261202);
        var generated = new List<List<KeyValuePair<int, string>>>();
        for (var i = 0; i < 200; i++)
        {
            var values = new List<KeyValuePair<int, string>>();
            for (var n = random.Next(1, 12); n > 0; n--)
            {
                values.Add(new(random.Next(0, 12), random.Next(4) == 0 ? string.Empty : "v" + random.Next(100)));
            }

            generated.Add(values);
        }

        foreach (var values in cases.Concat(generated))
        {
            Assert.Equal(Oracle(values, definitions), CustomAttributes.ToJson(values, definitions));
        }

        Assert.Null(CustomAttributes.ToJson(null, definitions));
        Assert.Null(CustomAttributes.ToJson([], definitions));
    }

    private static string Oracle(List<KeyValuePair<int, string>> values, Dictionary<int, string> definitions)
    {
        var named = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            named[definitions.TryGetValue(key, out var name) ? name : key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = value;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in named)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
