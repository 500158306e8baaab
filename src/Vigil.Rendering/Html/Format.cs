using System.Globalization;

namespace Vigil.Rendering.Html;

/// <summary>
/// How every page writes numbers and times: the invariant culture always, "—" for missing or non-finite values.
/// The results are plain text; the components encode them.
/// </summary>
internal static class Format
{
    public const string Missing = "—";

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

    public static string Percent(double? share) =>
        share is { } d && double.IsFinite(d) ? (d * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : Missing;

    public static string Int(long v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string ShortTime(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("MMM d HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The round-trip form for a <c>datetime</c> attribute.</summary>
    public static string IsoTime(DateTimeOffset t) => t.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);

    /// <summary>"5 min ago", "3 h ago", "2 days ago": how stale a check is matters more than its exact time.</summary>
    public static string Ago(DateTimeOffset t, DateTimeOffset now)
    {
        var span = now - t;
        return span.TotalSeconds < 60 ? "just now"
            : span.TotalMinutes < 60 ? Int((long)span.TotalMinutes) + " min ago"
            : span.TotalHours < 48 ? Int((long)span.TotalHours) + " h ago"
            : Int((long)span.TotalDays) + " days ago";
    }

    /// <summary>The badge tone of a check status: good, warn, bad, or neutral when unknown.</summary>
    public static string StatusTone(string? status) => status?.ToUpperInvariant() switch
    {
        "HEALTHY" => "good",
        "WARNING" => "warn",
        "ALARM" => "bad",
        _ => "neutral",
    };

    /// <summary>The badge tone of a data-quality severity.</summary>
    public static string SeverityTone(string severity) => severity switch
    {
        "error" => "bad",
        "warning" => "warn",
        "info" => "info",
        _ => "neutral",
    };

    /// <summary>Sort rank of a data-quality severity: errors first.</summary>
    public static int SeverityRank(string severity) => severity switch
    {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    };
}
