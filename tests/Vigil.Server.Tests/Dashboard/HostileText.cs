namespace Vigil.Server.Tests.Dashboard;

/// <summary>
/// Names and values an attacker (or an unlucky CSV) could put in a workspace: markup that would run script if it
/// reached the page unencoded, quotes and ampersands, right-to-left text with a direction override, emoji, and a
/// very long name. Every payload marks the document when it runs, so a browser test can tell.
/// </summary>
internal static class HostileText
{
    public const string Marker = "data-pwned";

    public const string Script = "<script>document.documentElement.setAttribute('data-pwned','script')</script>";

    public const string Handler = "\"><img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">";

    public const string Quotes = "a & b 'q' \"d\" &amp; &lt;";

    public const string RightToLeft = "עמודה \u202Eevil\u202C عمود";

    public const string Emoji = "📉 drift 🔥";

    public static readonly string Long = "long-" + string.Concat(Enumerable.Repeat("abcdefghij", 300));

    /// <summary>Column names that are all different.</summary>
    public static readonly string[] ColumnNames = [Script, Handler + " " + Emoji, Quotes + " " + RightToLeft, Long];

    /// <summary>Category values, all different.</summary>
    public static readonly string[] Categories = [Script, Handler, Quotes, RightToLeft, Emoji];
}
