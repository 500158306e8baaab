using System.Buffers;
using System.Globalization;
using System.Text;

namespace Vigil.Data.Csv;

/// <summary>
/// Sits between a CSV file and its <see cref="StreamReader"/> and checks every byte before the decoder sees it: a
/// byte sequence that is not UTF-8 (in UTF-8 mode) or a NUL byte (a binary file) throws
/// <see cref="CsvFormatException"/> naming the line, the character in that line and the byte offset. Without it the
/// decoder would replace bad bytes with U+FFFD and the data would change silently.
/// </summary>
/// <remarks>
/// Bytes are handed out only up to the last complete UTF-8 sequence; an incomplete one waits for the next read, so
/// a sequence split across reads is judged whole. ASCII runs are skipped with a vectorised search.
/// </remarks>
internal sealed class EncodingCheckStream : Stream
{
    private const int BufferSize = 1 << 16;
    private const int ContextBytes = 24;

    private readonly Stream _inner;
    private readonly string _source;
    private readonly byte[] _buffer = new byte[BufferSize];
    private bool _utf8;
    private bool _passThrough;
    private bool _primed;
    private int _start;
    private int _end;
    private int _filled;
    private long _bufferOffset; // file offset of _buffer[0]
    private int _line = 1;
    private int _lineChars;     // characters of the current line before _end
    private bool _eof;

    public EncodingCheckStream(Stream inner, string source, CsvEncoding encoding)
    {
        _inner = inner;
        _source = source;
        _utf8 = encoding == CsvEncoding.Utf8;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// Reads the first bytes and returns the encoding the reader should decode with: a UTF-8 byte-order mark means
    /// UTF-8 (the mark is skipped), a UTF-16 or UTF-32 mark means the reader detects it (these bytes are not checked),
    /// otherwise the requested encoding.
    /// </summary>
    public Encoding Prime()
    {
        _primed = true;
        FillRaw(minimum: 4);
        var head = _buffer.AsSpan(0, _filled);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _utf8 = true;
            _start = _end = 3;
            _lineChars = 0;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            _passThrough = true;
            _end = _filled;
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true);
        }

        return _utf8 ? new UTF8Encoding(false, throwOnInvalidBytes: true) : Encoding.Latin1;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!_primed)
        {
            Prime();
        }

        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_start == _end)
        {
            if (!Fill())
            {
                return 0;
            }
        }

        var n = Math.Min(buffer.Length, _end - _start);
        _buffer.AsSpan(_start, n).CopyTo(buffer);
        _start += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // Moves the unchecked tail to the front, reads more and checks it. False at the end of the input.
    private bool Fill()
    {
        var tail = _filled - _end;
        if (tail == 0 && _eof)
        {
            return false;
        }

        _buffer.AsSpan(_end, tail).CopyTo(_buffer);
        _bufferOffset += _end;
        _start = _end = 0;
        _filled = tail;
        FillRaw(minimum: Math.Min(tail + 1, _buffer.Length));
        if (_passThrough)
        {
            _end = _filled;
            return _filled > 0;
        }

        Check(_eof);
        return true;
    }

    private void FillRaw(int minimum)
    {
        while (!_eof && _filled < minimum && _filled < _buffer.Length)
        {
            var n = _inner.Read(_buffer, _filled, _buffer.Length - _filled);
            if (n == 0)
            {
                _eof = true;
            }

            _filled += n;
        }
    }

    // Checks _buffer[_end.._filled); advances _end to the last complete character, or throws at the first bad byte.
    private void Check(bool final)
    {
        var span = _buffer.AsSpan(_end, _filled - _end);
        var i = 0;
        while (i < span.Length)
        {
            var j = _utf8 ? span[i..].IndexOfAnyExceptInRange((byte)1, (byte)0x7F) : span[i..].IndexOf((byte)0);
            if (j < 0)
            {
                i = span.Length;
                break;
            }

            i += j;
            if (span[i] == 0)
            {
                throw Error(i, "text", "a NUL byte (0x00), so this looks like a binary file rather than CSV text");
            }

            var status = Rune.DecodeFromUtf8(span[i..], out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                i += consumed;
            }
            else if (status == OperationStatus.NeedMoreData && !final)
            {
                break; // the rest of this character comes with the next read
            }
            else
            {
                var bad = span.Slice(i, Math.Max(1, consumed));
                var hex = string.Join(" ", bad.ToArray().Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture)));
                throw Error(i, "UTF-8 text (for Latin-1 text use the latin1 encoding, e.g. --encoding latin1)",
                    status == OperationStatus.NeedMoreData
                        ? $"the file ending inside a UTF-8 character ({hex})"
                        : $"{(bad.Length == 1 ? "byte" : "bytes")} {hex}, not valid UTF-8");
            }
        }

        Advance(span[..i]);
        _end += i;
    }

    // Counts lines and the characters of the last line in bytes that passed the check.
    private void Advance(ReadOnlySpan<byte> checkedBytes)
    {
        var last = checkedBytes.LastIndexOf((byte)'\n');
        if (last >= 0)
        {
            _line += checkedBytes.Count((byte)'\n');
            _lineChars = 0;
            checkedBytes = checkedBytes[(last + 1)..];
        }

        _lineChars += Characters(checkedBytes);
    }

    private int Characters(ReadOnlySpan<byte> bytes)
    {
        if (!_utf8)
        {
            return bytes.Length;
        }

        var continuation = 0;
        foreach (var b in bytes)
        {
            continuation += (b & 0xC0) == 0x80 ? 1 : 0;
        }

        return bytes.Length - continuation;
    }

    // The error for the byte at span index i (relative to _end), with the start of its line as context.
    private CsvFormatException Error(int i, string expected, string found)
    {
        var before = _buffer.AsSpan(_end, i);
        Advance(before);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var context = before[lineStart..];
        if (context.Length > ContextBytes)
        {
            context = context[^ContextBytes..];
            while (!context.IsEmpty && (context[0] & 0xC0) == 0x80)
            {
                context = context[1..];
            }
        }

        var text = (_utf8 ? Encoding.UTF8 : Encoding.Latin1).GetString(context).TrimEnd('\r');
        var where = text.Length == 0 ? "at the start of the line" : "after " + CsvFormatException.Quote(text);
        return CsvFormatException.AtByte(_source, _line, _lineChars + 1, _bufferOffset + _end + i, expected, $"{found} ({where})");
    }
}
