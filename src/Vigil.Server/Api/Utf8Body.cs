using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Vigil.Server.Api;

/// <summary>
/// Checks that a JSON body is UTF-8 before anything decodes it. The check is vectorised (many GB/s, so it costs a
/// 32 MiB body a few milliseconds at most); only a body that fails is walked again to find where.
/// </summary>
internal static class Utf8Body
{
    /// <summary>Throws 400 naming the byte offset of the first byte that is not part of valid UTF-8.</summary>
    public static void Require(ReadOnlySpan<byte> body)
    {
        if (Utf8.IsValid(body))
        {
            return;
        }

        var offset = Math.Max(0, FirstInvalid(body));
        throw ApiProblemException.InvalidJson(string.Create(CultureInfo.InvariantCulture,
            $"The request body is not valid UTF-8: byte 0x{body[offset]:X2} at byte offset {offset} does not start or continue a UTF-8 sequence. JSON must be sent as UTF-8."));
    }

    /// <summary>Offset of the first invalid byte, or -1 when the text is valid UTF-8.</summary>
    public static int FirstInvalid(ReadOnlySpan<byte> text)
    {
        Span<char> chars = stackalloc char[2048];
        var offset = 0;
        while (offset < text.Length)
        {
            var status = Utf8.ToUtf16(text[offset..], chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData)
            {
                return offset + read;
            }

            offset += read;
            if (status == OperationStatus.Done)
            {
                break;
            }
        }

        return -1;
    }
}
