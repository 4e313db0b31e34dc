using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace VcSync.Vim.Values;

/// <summary>
/// Reuses the strings of short ASCII text values that repeat (<c>poweredOn</c>, <c>persistent</c>, <c>false</c>, a
/// device's <c>1000</c>, a host's <c>host-43</c>): one direct-mapped slot per hash, holding the last string decoded
/// there. A hit costs a hash and a comparison instead of a new string; a miss (a unique value, a collision) decodes as
/// before and takes the slot. Fixed size, so a document of distinct values cannot grow it. Not thread-safe.
/// </summary>
internal sealed class ShortTextCache
{
    /// <summary>The longest value, in bytes, looked up; longer ones are rarely repeated.</summary>
    public const int MaxLength = 32;

    private const int SlotBits = 11;

    private readonly Slot[] _slots = new Slot[1 << SlotBits];

    /// <summary>The string of <paramref name="utf8"/> (at most <see cref="MaxLength"/> bytes), the cached one when it is the same text.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        ulong first;
        ulong last;
        if (utf8.Length >= 8)
        {
            first = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            last = BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]);
        }
        else
        {
            first = 0;
            foreach (var b in utf8)
            {
                first = (first << 8) | b;
            }

            last = 0;
        }

        // Values that differ only in their middle bytes (longer than 16) share a slot; that only costs misses.
        var hash = (first * 0x9E3779B97F4A7C15UL) ^ ((last + (ulong)utf8.Length) * 0xC2B2AE3D27D4EB4FUL);
        ref var slot = ref _slots[(int)((hash ^ (hash >> 29)) >> (64 - SlotBits))];

        // Up to 16 bytes the two words and the length are the whole value: a hit does not touch the cached string,
        // which may be anywhere in the heap by now. Longer values are compared in full.
        if (slot.Length == utf8.Length && slot.First == first && slot.Last == last
            && (utf8.Length <= 16 || Ascii.Equals(utf8, slot.Text)))
        {
            return slot.Text!;
        }

        var text = Encoding.UTF8.GetString(utf8);
        if (text.Length == utf8.Length)
        {
            // ASCII only (as many chars as bytes): what the full comparison above can match.
            slot = new Slot { First = first, Last = last, Length = utf8.Length, Text = text };
        }

        return text;
    }

    [StructLayout(LayoutKind.Auto)]
    private struct Slot
    {
        public ulong First;
        public ulong Last;
        public string? Text;
        public int Length;
    }
}
