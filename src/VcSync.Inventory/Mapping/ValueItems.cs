using System.Runtime.InteropServices;
using VcSync.Vim.Values;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Array values and data object fields as spans, for the mappers' per-VM loops: what <see cref="VimValue.AsList"/>
/// gives, without its interface calls per entry.
/// </summary>
internal static class ValueItems
{
    /// <summary>The entries of an array value, exactly as <see cref="VimValue.AsList"/> lists them.</summary>
    public static ReadOnlySpan<object?> Of(object? value) => value switch
    {
        null => default,
        // The decoder's lists (a list, or a list type of its own for repeated fields); any other list is copied.
        List<object?> list => CollectionsMarshal.AsSpan(list),
        object?[] array when array.GetType() == typeof(object[]) => array,
        _ => ToArray(VimValue.AsList(value)),
    };

    /// <summary>The properties of an object content.</summary>
    public static ReadOnlySpan<DynamicProperty> Properties(ObjectContent content) =>
        content.PropSet is DynamicProperty[] array ? array : ToArray(content.PropSet);

    /// <summary>The fields of a data object in document order.</summary>
    public static ReadOnlySpan<KeyValuePair<string, object?>> Fields(DataObject data) =>
        data.Fields is KeyValuePair<string, object?>[] array ? array : ToArray(data.Fields);

    private static T[] ToArray<T>(IReadOnlyList<T> list)
    {
        var array = new T[list.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = list[i];
        }

        return array;
    }
}
