using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Api;

/// <summary>Reads a whole request body into a pooled buffer (the batch parser wants one contiguous span).</summary>
internal sealed class RequestBody : IDisposable
{
    private byte[] _buffer;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>A read-only stream over the body (valid until this is disposed).</summary>
    public Stream AsStream() => new MemoryStream(_buffer, 0, Length, writable: false);

    /// <summary>Reads the body; more than <paramref name="maxBytes"/> gives 413, a compressed body 415.</summary>
    public static async Task<RequestBody> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        RequireIdentityEncoding(request);
        var declared = request.ContentLength;
        if (declared > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared ?? 64 * 1024, maxBytes) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }
            }

            return new RequestBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    // The service does not decompress request bodies: a gzip body used to reach the JSON reader and come back as
    // "not valid UTF-8 at byte offset 1", which says nothing about the header that caused it.
    private static void RequireIdentityEncoding(HttpRequest request)
    {
        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding.Length > 0 && !encoding.Trim().Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiProblemException(415, "Unsupported media type",
                $"The request body has Content-Encoding '{encoding}'; the service takes uncompressed bodies only. Send it without compression.");
        }
    }

    private static ApiProblemException TooLarge(long maxBytes) =>
        new(413, "Payload too large", $"The request body is larger than {maxBytes} bytes (Vigil:MaxRequestBytes).");

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
