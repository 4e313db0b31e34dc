using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VcSync.Vim.Values;

namespace VcSync.Sync.Incremental;

/// <summary>
/// A SHA-256 (hex) of values read from vCenter, in a canonical form: objects sorted by moref, every value written with
/// its type, so two reads hash alike exactly when they hold the same values.
/// </summary>
internal sealed class ContentHash : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Adds objects, in moref order, whatever order they came in.</summary>
    public void Add(IEnumerable<ObjectContent> objects)
    {
        foreach (var content in objects.OrderBy(o => o.Obj.Type, StringComparer.Ordinal).ThenBy(o => o.Obj.Value, StringComparer.Ordinal))
        {
            Text("obj", content.Obj.Type, content.Obj.Value);
            foreach (var property in content.PropSet)
            {
                Text("prop", property.Name);
                Value(property.Value);
            }

            foreach (var missing in content.MissingSet)
            {
                Text("missing", missing.Path, missing.FaultType);
            }
        }
    }

    /// <summary>Adds text as a labelled record.</summary>
    public void Text(string label, params ReadOnlySpan<string?> parts)
    {
        Append(label);
        foreach (var part in parts)
        {
            Append(part ?? "\u0001null");
        }
    }

    /// <summary>The hash of everything added.</summary>
    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();

    private void Value(object? value)
    {
        switch (value)
        {
            case null:
                Append("null");
                break;
            case string text:
                Text("s", text);
                break;
            case ManagedObjectReference moref:
                Text("ref", moref.Type, moref.Value);
                break;
            case DataObject data:
                Text("do", data.TypeName);
                foreach (var field in data.Fields)
                {
                    Append(field.Key);
                    Value(field.Value);
                }

                Append("end");
                break;
            case UnparsedValue unparsed:
                Text("raw", unparsed.XsdType, unparsed.Text);
                break;
            case byte[] bytes:
                Text("b64", Convert.ToBase64String(bytes));
                break;
            case DateTimeOffset time:
                Text("t", time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                break;
            case IFormattable number:
                Text(number.GetType().Name, number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case bool flag:
                Text("bool", flag ? "1" : "0");
                break;
            case IEnumerable items:
                Append("list");
                foreach (var item in items)
                {
                    Value(item);
                }

                Append("end");
                break;
            default:
                Text(value.GetType().Name, value.ToString());
                break;
        }
    }

    // Each string is length-prefixed, so no two different sequences of strings give the same bytes.
    private void Append(string text)
    {
        Span<byte> length = stackalloc byte[4];
        var bytes = Encoding.UTF8.GetBytes(text);
        BitConverter.TryWriteBytes(length, bytes.Length);
        _hash.AppendData(length);
        _hash.AppendData(bytes);
    }
}
