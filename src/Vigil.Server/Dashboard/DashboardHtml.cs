using System.Globalization;
using System.Text;
using Vigil.Monitoring.Reports.Svg;

namespace Vigil.Server.Dashboard;

/// <summary>
/// Text and link helpers shared by the dashboard pages: every number in the invariant culture, "—" for missing or
/// non-finite values, every piece of user text escaped, every path segment URL-encoded.
/// </summary>
internal static class DashboardHtml
{
    public const string Missing = "—";

    /// <summary>Escapes text for HTML text nodes and double-quoted attributes.</summary>
    public static string E(string? text) => SvgWriter.Escape(text);

    public static string ModelUrl(string model) => "/models/" + Uri.EscapeDataString(model);

    public static string ColumnUrl(string model, string column, long? checkId = null) =>
        ModelUrl(model) + "/columns/" + Uri.EscapeDataString(column)
        + (checkId is { } id ? "?check=" + id.ToString(CultureInfo.InvariantCulture) : "");

    public static string Metric(double? v) =>
        v is { } d && double.IsFinite(d)
            ? d.ToString(Math.Abs(d) >= 1000 ? "#,0.#" : Math.Abs(d) >= 10 ? "0.00" : "0.000", CultureInfo.InvariantCulture)
            : Missing;

    public static string Fixed(double? v, int decimals) =>
        v is { } d && double.IsFinite(d)
            ? d.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : Missing;

    public static string Percent(double? share) =>
        share is { } d && double.IsFinite(d) ? (d * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : Missing;

    public static string PValue(double? v) => v switch
    {
        null => Missing,
        { } d when !double.IsFinite(d) => Missing,
        { } d when d == 0 => "0",
        { } d when d < 1e-4 => d.ToString("0.0e+0", CultureInfo.InvariantCulture),
        { } d => d.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    public static string Signed(double v, string format) =>
        (v >= 0 ? "+" : "−") + Math.Abs(v).ToString(format, CultureInfo.InvariantCulture);

    public static string Int(long v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string ShortTime(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("MMM d HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"5 min ago", "3 h ago", "2 days ago": how stale a check is matters more than its exact time.</summary>
    public static string Ago(DateTimeOffset t, DateTimeOffset now)
    {
        var span = now - t;
        return span.TotalSeconds < 60 ? "just now"
            : span.TotalMinutes < 60 ? Int((long)span.TotalMinutes) + " min ago"
            : span.TotalHours < 48 ? Int((long)span.TotalHours) + " h ago"
            : Int((long)span.TotalDays) + " days ago";
    }

    /// <summary>A time element: relative text, the exact UTC time on hover.</summary>
    public static string When(DateTimeOffset t, DateTimeOffset now) =>
        "<time datetime=\"" + E(t.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture)) + "\" title=\"" + E(Time(t)) + "\">"
        + E(Ago(t, now)) + "</time>";

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

    public static string StatusBadge(string? status) => Badge(status ?? "no checks", StatusTone(status));

    public static string NoData(string message) => "<p class=\"nodata\">" + E(message) + "</p>";

    /// <summary>Opens a titled card section; the caller closes it with <c>&lt;/section&gt;</c>.</summary>
    public static StringBuilder Section(this StringBuilder sb, string id, string title, string? lead = null)
    {
        sb.Append("<section id=\"").Append(E(id)).Append("\"><h2>").Append(E(title)).Append("</h2>");
        if (lead is not null)
        {
            sb.Append("<p class=\"lead\">").Append(E(lead)).Append("</p>");
        }

        return sb;
    }
}
