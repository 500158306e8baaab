using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Vigil.Server.Api.Ingestion;

/// <summary>
/// The one reading of a timestamp a client sends (a row's <c>timestamp</c>, a label's <c>observed_at</c>, a check's
/// <c>from</c> / <c>to</c>): ISO 8601 text, <c>yyyy-MM-dd</c> first, with <c>T</c> or a space before the time; without
/// an offset it is UTC. So the same text means the same instant whatever the server's time zone (before, a naive
/// <c>…T12:00:00</c> was read in the server's local zone and <c>… 12:00:00</c> as UTC), and <c>12/31/2024</c>, which
/// only a US reading makes sense of, is refused. Logged instants must also lie in <see cref="Earliest"/> …
/// now + <see cref="MaxAhead"/>: a <c>0001-01-01</c> (an unset .NET date) or a clock years ahead would stay the
/// "newest" row of every window forever, and retention would never remove it.
/// </summary>
internal static class IsoTimestamp
{
    /// <summary>The earliest instant a logged row or label may carry (the Unix epoch).</summary>
    public static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;

    /// <summary>How far ahead of the server's clock a logged instant may be (clock skew, a zone mistake).</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(1);

    /// <summary>What the readers say they expected, in a row problem.</summary>
    public const string Expected = "an ISO 8601 date-time string (UTC when it has no offset) or null";

    /// <summary>Reads <paramref name="utf8"/> (unescaped JSON string text).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        // The round-trip form with an offset ("O", what most clients send) takes the fast UTF-8 parser.
        if (HasOffset(utf8) && Utf8Parser.TryParse(utf8, out value, out var used, 'O') && used == utf8.Length)
        {
            return true;
        }

        return TryParse(Encoding.UTF8.GetString(utf8), out value);
    }

    /// <summary>Reads <paramref name="text"/>.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return StartsWithDate(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>Null when <paramref name="value"/> is a plausible logged instant at <paramref name="now"/>; otherwise why not.</summary>
    public static string? Implausible(DateTimeOffset value, DateTimeOffset now)
    {
        if (value < Earliest)
        {
            return "a time before 1970-01-01 (an unset date?)";
        }

        return value > now + MaxAhead ? "a time more than a day ahead of the server's clock" : null;
    }

    private static bool StartsWithDate(ReadOnlySpan<char> text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
        && text[4] == '-' && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6]) && text[7] == '-' && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9])
        && (text.Length == 10 || text[10] is 'T' or 't' or ' ');

    // "Z" or "±hh:mm" at the end of a date-time (the date's own '-' are at 4 and 7).
    private static bool HasOffset(ReadOnlySpan<byte> utf8) =>
        utf8.Length > 16 && (utf8[^1] is (byte)'Z' or (byte)'z' || (utf8[^6] is (byte)'+' or (byte)'-' && utf8[^3] == (byte)':'));
}
