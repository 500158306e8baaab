using System.Globalization;
using Vigil.Monitoring.Reports.Svg;

namespace Vigil.Monitoring.Reports.Html;

/// <summary>Text formatting shared by the report sections: always invariant culture, "—" for missing or non-finite.</summary>
internal static class HtmlFormat
{
    public const string Missing = "—";

    public static string E(string? text) => SvgWriter.Escape(text);

    public static string Metric(double? v) =>
        v is { } d && double.IsFinite(d)
            ? d.ToString(Math.Abs(d) >= 1000 ? "#,0.#" : Math.Abs(d) >= 10 ? "0.00" : "0.000", CultureInfo.InvariantCulture)
            : Missing;

    public static string Signed(double v, string format) =>
        (v >= 0 ? "+" : "−") + Math.Abs(v).ToString(format, CultureInfo.InvariantCulture);

    public static string PValue(double? v) => v switch
    {
        null => Missing,
        { } d when !double.IsFinite(d) => Missing,
        { } d when d == 0 => "0",
        { } d when d < 1e-4 => d.ToString("0.0e+0", CultureInfo.InvariantCulture),
        { } d => d.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    public static string Fixed(double? v, int decimals) =>
        v is { } d && double.IsFinite(d)
            ? d.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : Missing;

    public static string Time(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string ShortTime(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("MMM d HH:mm", CultureInfo.InvariantCulture);

    public static string Int(int v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A coloured pill; <paramref name="tone"/> is one of good, warn, bad, info, neutral.</summary>
    public static string Badge(string text, string tone) =>
        "<span class=\"badge " + E(tone) + "\">" + E(text) + "</span>";

    public static string StatusTone(string? status) => status?.ToUpperInvariant() switch
    {
        "HEALTHY" => "good",
        "WARNING" => "warn",
        "ALARM" => "bad",
        _ => "neutral",
    };

    public static string NoData(string message) => "<p class=\"nodata\">" + E(message) + "</p>";
}
