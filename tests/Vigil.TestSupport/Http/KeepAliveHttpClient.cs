using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigil.TestSupport.Http;

/// <summary>
/// An HTTP/1.1 client over one keep-alive loopback connection that allocates nothing per request: it sends bytes the
/// caller prepared and reads the answer (Content-Length or chunked) into buffers of its own, on the calling thread with
/// blocking socket calls. Made for counting the bytes a server in the same process allocates per request
/// (<see cref="GC.GetTotalAllocatedBytes(bool)"/> around many requests), which <see cref="HttpClient"/>'s own
/// allocations would blur. Not a general client: no redirects, no TLS, one request at a time.
/// </summary>
public sealed class KeepAliveHttpClient : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private byte[] _body = new byte[64 * 1024];
    private int _start;
    private int _end;

    public KeepAliveHttpClient(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket.Connect(new IPEndPoint(IPAddress.Parse(address.Host), address.Port));
    }

    /// <summary>The body of the last answer (valid until the next request).</summary>
    public ReadOnlySpan<byte> Body => _body.AsSpan(0, BodyLength);

    public int BodyLength { get; private set; }

    /// <summary>
    /// A POST request with a JSON body, as bytes to send. <paramref name="body"/> may hold a placeholder the caller
    /// overwrites before each send (see <see cref="Stamp"/>); its length must not change.
    /// </summary>
    public static byte[] JsonPost(Uri address, string path, string? apiKey, string body)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(body);
        var bytes = Encoding.UTF8.GetByteCount(body);
        var key = apiKey is null ? "" : $"X-Api-Key: {apiKey}\r\n";
        return Encoding.UTF8.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {address.Host}:{address.Port}\r\n{key}Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: {bytes}\r\n\r\n{body}");
    }

    /// <summary>Writes <paramref name="number"/> as <paramref name="width"/> zero-padded digits at <paramref name="offset"/>.</summary>
    public static void Stamp(byte[] request, int offset, long number, int width)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var i = offset + width - 1; i >= offset; i--)
        {
            request[i] = (byte)('0' + (number % 10));
            number /= 10;
        }

        if (number != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(number), $"Does not fit in {width} digits.");
        }
    }

    /// <summary>Sends one request and reads its answer; returns the status code (the body is in <see cref="Body"/>).</summary>
    public int Send(ReadOnlySpan<byte> request)
    {
        while (!request.IsEmpty)
        {
            request = request[_socket.Send(request)..];
        }

        _start = _end = 0;
        var headerEnd = -1;
        while (headerEnd < 0)
        {
            Receive();
            headerEnd = _buffer.AsSpan(0, _end).IndexOf("\r\n\r\n"u8);
        }

        var head = _buffer.AsSpan(0, headerEnd);
        if (!head.StartsWith("HTTP/1.1 "u8) || !Utf8Parser.TryParse(head[9..12], out int status, out _))
        {
            throw new InvalidOperationException("Not an HTTP/1.1 answer.");
        }

        _start = headerEnd + 4;
        BodyLength = 0;
        if (TryHeader(head, "content-length: "u8, out var length))
        {
            if (!Utf8Parser.TryParse(length, out int declared, out _))
            {
                throw new InvalidOperationException("Bad Content-Length.");
            }

            Take(declared);
        }
        else if (TryHeader(head, "transfer-encoding: "u8, out var encoding) && encoding.SequenceEqual("chunked"u8))
        {
            while (true)
            {
                var size = ChunkLine();
                if (size == 0)
                {
                    ChunkLine(); // the empty line after the last chunk (no trailers here)
                    break;
                }

                Take(size);
                ChunkLine(); // the line end after the chunk's data
            }
        }

        return status;
    }

    public void Dispose() => _socket.Dispose();

    // Moves the next count bytes of the answer into the body buffer.
    private void Take(int count)
    {
        if (BodyLength + count > _body.Length)
        {
            Array.Resize(ref _body, Math.Max(_body.Length * 2, BodyLength + count));
        }

        while (count > 0)
        {
            if (_start == _end)
            {
                _start = _end = 0;
                Receive();
            }

            var n = Math.Min(count, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(_body.AsSpan(BodyLength));
            BodyLength += n;
            _start += n;
            count -= n;
        }
    }

    // Reads one line of chunked framing (a hex size, or empty) and returns its number (0 for an empty line).
    private int ChunkLine()
    {
        while (true)
        {
            var line = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (line >= 0)
            {
                var text = _buffer.AsSpan(_start, line);
                _start += line + 2;
                if (text.IsEmpty)
                {
                    return 0;
                }

                return Utf8Parser.TryParse(text, out int size, out _, 'x') ? size : throw new InvalidOperationException("Bad chunk size.");
            }

            // Keep the partial line: move it to the front and read more behind it.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
            Receive();
        }
    }

    private void Receive()
    {
        if (_end == _buffer.Length)
        {
            throw new InvalidOperationException("An answer's head is larger than the client's buffer.");
        }

        var n = _socket.Receive(_buffer.AsSpan(_end));
        if (n == 0)
        {
            throw new InvalidOperationException("The server closed the connection.");
        }

        _end += n;
    }

    // Header names are case-insensitive (Kestrel writes them capitalised): compared without case, line by line.
    private static bool TryHeader(ReadOnlySpan<byte> head, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = head[range];
            if (line.Length > name.Length && Ascii.EqualsIgnoreCase(line[..name.Length], name))
            {
                value = line[name.Length..].Trim((byte)' ');
                return true;
            }
        }

        value = default;
        return false;
    }
}
