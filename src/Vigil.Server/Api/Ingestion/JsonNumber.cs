using System.Text.Json;

namespace Vigil.Server.Api.Ingestion;

/// <summary>
/// Whether a JSON number token fits in a finite double. Most feature values are plain decimals, and those fit
/// without being parsed: only an exponent, or more integer digits than a double holds, can overflow. Parsing every
/// number was about a tenth of the service's processor time per ingested row (docs/scale.md), so the parse is kept
/// for the few tokens that could overflow.
/// </summary>
internal static class JsonNumber
{
    // A decimal without exponent overflows only with 309 or more integer digits (double.MaxValue ≈ 1.8e308); a
    // shorter token has fewer.
    private const int ShortEnough = 300;

    /// <summary>True when the number token <paramref name="reader"/> stands on reads as a finite double.</summary>
    public static bool FitsDouble(ref Utf8JsonReader reader) =>
        IsShortDecimal(reader.HasValueSequence ? default : reader.ValueSpan)
        || (reader.TryGetDouble(out var value) && double.IsFinite(value));

    /// <summary>A number token without exponent and under 300 bytes: finite whatever its digits.</summary>
    internal static bool IsShortDecimal(ReadOnlySpan<byte> token) =>
        token.Length is > 0 and < ShortEnough && token.IndexOfAny((byte)'e', (byte)'E') < 0;
}
