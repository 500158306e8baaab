using System.Security.Cryptography;

namespace Vigil.Server.Alerts;

/// <summary>
/// The <c>X-Vigil-Signature</c> header: <c>sha256=</c> followed by the lowercase hex HMAC-SHA256 of the exact body
/// bytes, keyed with the UTF-8 bytes of the channel's secret. A receiver recomputes it over the raw body it received
/// (before any JSON parsing) and compares in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Vigil-Signature";

    public const string Prefix = "sha256=";

    public static string Sign(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    /// <summary>True when <paramref name="header"/> is the signature of <paramref name="body"/> with <paramref name="secret"/> (constant-time).</summary>
    public static bool Verify(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = System.Text.Encoding.ASCII.GetBytes(Sign(secret, body));
        var presented = System.Text.Encoding.ASCII.GetBytes(header);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
