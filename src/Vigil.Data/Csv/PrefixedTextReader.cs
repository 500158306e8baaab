namespace Vigil.Data.Csv;

/// <summary>
/// Replays text already taken from a reader (the sample used for delimiter detection), then continues with the
/// reader itself, so a forward-only <see cref="TextReader"/> can be sniffed without reading it twice.
/// </summary>
internal sealed class PrefixedTextReader : TextReader
{
    private readonly string _prefix;
    private readonly TextReader _rest;
    private int _position;

    public PrefixedTextReader(string prefix, TextReader rest)
    {
        _prefix = prefix;
        _rest = rest;
    }

    public override int Peek() => _position < _prefix.Length ? _prefix[_position] : _rest.Peek();

    public override int Read() => _position < _prefix.Length ? _prefix[_position++] : _rest.Read();

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_position < _prefix.Length)
        {
            var n = Math.Min(buffer.Length, _prefix.Length - _position);
            _prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return _rest.Read(buffer);
    }

    public override int ReadBlock(Span<char> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    public override int ReadBlock(char[] buffer, int index, int count) => ReadBlock(buffer.AsSpan(index, count));

    // The caller owns the inner reader; disposing this wrapper leaves it open.
    protected override void Dispose(bool disposing) => base.Dispose(disposing);
}
