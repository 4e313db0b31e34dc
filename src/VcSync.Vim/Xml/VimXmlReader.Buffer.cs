using System.Buffers;
using System.Text;

namespace VcSync.Vim.Xml;

/// <summary>The refillable byte buffer, positions for error messages, and the errors themselves.</summary>
internal sealed partial class VimXmlReader
{
    private readonly long _maxBytes;
    private byte[] _buf;
    private int _pos;
    private int _end;
    private bool _eof;
    private long _discarded;
    private long _lineBase;
    private long _columnBase;
    private int _documentStart;

    /// <summary>
    /// Reads more of the stream behind what is buffered, first dropping the bytes before <see cref="_pos"/> (the token
    /// being read starts there, so it moves to offset 0: callers keep their offsets relative to <see cref="_pos"/>).
    /// A token that fills the buffer doubles it, up to the size limit. False at the end of the stream.
    /// </summary>
    private bool Refill()
    {
        if (_eof)
        {
            return false;
        }

        if (_pos > 0)
        {
            var gone = _buf.AsSpan(0, _pos);
            var lines = gone.Count((byte)'\n');
            if (lines > 0)
            {
                _lineBase += lines;
                _columnBase = _pos - 1 - gone.LastIndexOf((byte)'\n');
            }
            else
            {
                _columnBase += _pos;
            }

            _discarded += _pos;
            _buf.AsSpan(_pos, _end - _pos).CopyTo(_buf);
            _end -= _pos;
            _pos = 0;
        }

        if (_end == _buf.Length)
        {
            Grow();
        }

        var n = _stream.Read(_buf.AsSpan(_end));
        if (n == 0)
        {
            _eof = true;
            return false;
        }

        _end += n;
        if (_discarded + _end > _maxBytes)
        {
            throw Error(VimXmlError.TooLarge, _end - 1, $"The document is larger than the limit of {_maxBytes} bytes");
        }

        return true;
    }

    /// <summary>Makes sure <paramref name="count"/> bytes from <see cref="_pos"/> are buffered; false when the stream ends first.</summary>
    private bool Ensure(int count)
    {
        while (_end - _pos < count)
        {
            if (!Refill())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Refills while a scan is under way: <paramref name="i"/> keeps pointing at the same byte.</summary>
    private bool RefillKeeping(ref int i)
    {
        var relative = i - _pos;
        var more = Refill();
        i = _pos + relative;
        return more;
    }

    private void Grow()
    {
        var limit = (int)Math.Min(_maxBytes, Array.MaxLength);
        if (_buf.Length >= limit)
        {
            throw Error(VimXmlError.TooLarge, _pos, $"One token of the document is larger than the limit of {_maxBytes} bytes");
        }

        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buf.Length * 2, limit));
        _buf.AsSpan(0, _end).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buf);
        _buf = bigger;
    }

    /// <summary>The end of a valid UTF-8 sequence starting at <paramref name="i"/>; -1 when more bytes are needed.</summary>
    private int ScanRune(int i)
    {
        var status = Rune.DecodeFromUtf8(_buf.AsSpan(i, _end - i), out var rune, out var n);
        if (status == OperationStatus.Done)
        {
            if (rune.Value is 0xFFFE or 0xFFFF)
            {
                throw Malformed(i, $"The character U+{rune.Value:X4} is not allowed in XML");
            }

            return i + n;
        }

        if (status == OperationStatus.NeedMoreData && !_eof)
        {
            return -1;
        }

        throw Malformed(i, $"Invalid UTF-8 (byte 0x{_buf[i]:X2})");
    }

    private (long Line, long Column) PositionOf(int index)
    {
        index = Math.Clamp(index, 0, _end);
        var before = _buf.AsSpan(0, index);
        var line = _lineBase + before.Count((byte)'\n') + 1;
        var lastLine = before.LastIndexOf((byte)'\n');
        var column = lastLine >= 0 ? index - lastLine : _columnBase + index + 1;
        return (line, column);
    }

    private VimXmlException Error(VimXmlError kind, int index, string message)
    {
        var (line, column) = PositionOf(index);
        return new VimXmlException(kind, message, line, column);
    }

    private VimXmlException Malformed(int index, string message) => Error(VimXmlError.Malformed, index, message);

    private VimXmlException Truncated(int index, string message) => Error(VimXmlError.Truncated, index, message);

    private VimXmlException InvalidCharacter(int index) =>
        Malformed(index, $"The control character 0x{_buf[index]:X2} is not allowed in XML");
}
