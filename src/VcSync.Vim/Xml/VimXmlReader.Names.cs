using System.Text;

namespace VcSync.Vim.Xml;

/// <summary>Names: guessed from the last sequence, else scanned, checked and atomized.</summary>
internal sealed partial class VimXmlReader
{
    /// <summary>
    /// The name at <paramref name="i"/> when it is spelled as <paramref name="guess"/> (a name seen before, so checked),
    /// with its end; null when it is not, or when the buffer ends first. Pages repeat the same sequences of names, so a
    /// guess from the last time saves the scan and the lookup of most names.
    /// </summary>
    private Atom? Guessed(int i, Atom? guess, out int end)
    {
        end = 0;
        if (guess is null)
        {
            return null;
        }

        var utf8 = guess.Utf8;
        var after = i + utf8.Length;
        if (after >= _end || XmlChars.MayContinueName(_buf[after]) || !_buf.AsSpan(i, utf8.Length).SequenceEqual(utf8))
        {
            return null;
        }

        end = after;
        return guess;
    }

    /// <summary>Scans a name at <paramref name="i"/>: its end, or -1 when the buffer ends first; throws when no name starts there.</summary>
    private int ScanName(int i)
    {
        if (i >= _end)
        {
            return -1;
        }

        var b = _buf[i];
        if (b < 0x80)
        {
            if (!XmlChars.IsAsciiNameStart(b))
            {
                throw Malformed(i, $"A name cannot start with {XmlChars.Describe(b)}");
            }

            i++;
        }
        else
        {
            var next = ScanNameRune(i, start: true);
            if (next <= i)
            {
                return next < 0 ? -1 : throw Malformed(i, "A name cannot start with this character");
            }

            i = next;
        }

        while (true)
        {
            var found = _buf.AsSpan(i, _end - i).IndexOfAnyExcept(XmlChars.AsciiNameChars);
            if (found < 0)
            {
                return -1;
            }

            i += found;
            if (_buf[i] < 0x80)
            {
                return i;
            }

            var next = ScanNameRune(i, start: false);
            if (next <= i)
            {
                return next;
            }

            i = next;
        }
    }

    // A non-ASCII character of a name: the offset after it; i itself when it is not a name character; -1 for more bytes.
    private int ScanNameRune(int i, bool start)
    {
        var end = ScanRune(i);
        if (end < 0)
        {
            return -1;
        }

        Rune.DecodeFromUtf8(_buf.AsSpan(i, end - i), out var rune, out _);
        return (start ? XmlChars.IsNameStart(rune.Value) : XmlChars.IsNameChar(rune.Value)) ? end : i;
    }

    private Atom NameAt(int start, int end)
    {
        var atom = _atoms.Lookup(_buf.AsSpan(start, end - start));
        if (!atom.IsName)
        {
            // Each spelling is checked against the namespace rules once, when first seen.
            if (!XmlChars.IsQualifiedName(atom.Value, out var colon))
            {
                throw Malformed(start, $"'{atom.Value}' is not a valid name in a document with namespaces");
            }

            if (colon < 0)
            {
                atom.SetName(null, atom.Value);
            }
            else
            {
                atom.SetName(_atoms.Add(atom.Value.AsSpan(0, colon)), _atoms.Add(atom.Value.AsSpan(colon + 1)));
            }
        }

        return atom;
    }
}
