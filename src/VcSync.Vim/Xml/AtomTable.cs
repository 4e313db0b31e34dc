using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace VcSync.Vim.Xml;

/// <summary>
/// Atomizes strings keyed by their UTF-8 bytes: the same spelling always gives the same string instance, so names can
/// be compared by reference, and a name read from the wire is found without decoding or allocating anything. Hashes
/// are seeded per process (<see cref="HashCode"/>), so a hostile document cannot aim its names at one bucket. Not
/// thread-safe: one table per call or per paged retrieval.
/// </summary>
internal sealed class AtomTable
{
    private const int CacheSize = 512;

    private readonly Atom?[] _recent = new Atom?[CacheSize];
    private Entry[] _entries = new Entry[256];
    private int[] _buckets = new int[256];
    private int _count;

    /// <summary>The atom of a UTF-8 spelling, added when new; the bytes must be valid UTF-8.</summary>
    public Atom Lookup(ReadOnlySpan<byte> utf8)
    {
        // A document repeats a few hundred names: a direct-mapped cache on length and end bytes finds most of them with
        // one comparison and no hash. A miss (or a hostile collision) only costs the table lookup below.
        var slot = utf8.IsEmpty ? 0 : ((utf8.Length * 37) ^ (utf8[0] * 11) ^ (utf8[^1] * 3) ^ utf8[utf8.Length / 2]) & (CacheSize - 1);
        var recent = _recent[slot];
        if (recent is not null && utf8.SequenceEqual(recent.Utf8))
        {
            return recent;
        }

        var atom = LookupSlow(utf8);
        _recent[slot] = atom;
        return atom;
    }

    private Atom LookupSlow(ReadOnlySpan<byte> utf8)
    {
        var hash = Hash(utf8);
        var entries = _entries;
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = entries[i].Next)
        {
            ref var entry = ref entries[i];
            if (entry.Hash == hash && utf8.SequenceEqual(entry.Utf8))
            {
                return entry.Atom;
            }
        }

        var bytes = utf8.ToArray();
        return Insert(bytes, new Atom(Encoding.UTF8.GetString(utf8), bytes), hash);
    }

    /// <summary>The atomized string of a UTF-8 spelling.</summary>
    public string Add(ReadOnlySpan<byte> utf8) => utf8.IsEmpty ? string.Empty : Lookup(utf8).Value;

    /// <summary>The atomized instance of <paramref name="value"/>.</summary>
    public string Add(string value) => value.Length == 0 ? string.Empty : Add(value.AsSpan());

    /// <summary>The atomized string of some characters; allocates only when the spelling is new (or longer than 256 bytes).</summary>
    public string Add(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return string.Empty;
        }

        var max = Encoding.UTF8.GetMaxByteCount(chars.Length);
        Span<byte> bytes = max <= 256 ? stackalloc byte[256] : new byte[max];
        var n = Encoding.UTF8.GetBytes(chars, bytes);
        return Lookup(bytes[..n]).Value;
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length is >= 8 and <= 16)
        {
            // Most names: the first and last eight bytes cover every byte, so two words and a seeded mix suffice.
            var first = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            var last = BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]);
            return HashCode.Combine(first, last, utf8.Length) & int.MaxValue;
        }

        if (utf8.Length is > 16 and <= 24)
        {
            // Prefixed names and short namespaces: three words still cover every byte.
            var first = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            var middle = BinaryPrimitives.ReadUInt64LittleEndian(utf8[8..]);
            var last = BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]);
            return HashCode.Combine(first, middle, last, utf8.Length) & int.MaxValue;
        }

        if (utf8.Length < 8)
        {
            ulong word = 0;
            for (var i = 0; i < utf8.Length; i++)
            {
                word = (word << 8) | utf8[i];
            }

            return HashCode.Combine(word, utf8.Length) & int.MaxValue;
        }

        var hash = default(HashCode);
        hash.AddBytes(utf8);
        return hash.ToHashCode() & int.MaxValue;
    }

    private Atom Insert(byte[] utf8, Atom atom, int hash)
    {
        if (_count == _entries.Length)
        {
            Grow();
        }

        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        _entries[_count] = new Entry { Hash = hash, Utf8 = utf8, Atom = atom, Next = bucket - 1 };
        bucket = _count + 1;
        _count++;
        return atom;
    }

    private void Grow()
    {
        var entries = new Entry[_entries.Length * 2];
        Array.Copy(_entries, entries, _count);
        var buckets = new int[entries.Length];
        for (var i = 0; i < _count; i++)
        {
            ref var bucket = ref buckets[entries[i].Hash & (buckets.Length - 1)];
            entries[i].Next = bucket - 1;
            bucket = i + 1;
        }

        _entries = entries;
        _buckets = buckets;
    }

    [StructLayout(LayoutKind.Auto)]
    private struct Entry
    {
        public int Hash;
        public int Next;
        public byte[] Utf8;
        public Atom Atom;
    }
}
