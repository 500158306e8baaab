using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Vigil.Rendering.Tests.Report;

/// <summary>Pulls the inline SVG elements out of rendered HTML and parses each as XML.</summary>
internal static partial class ReportHtml
{
    public static IReadOnlyList<XDocument> ParseSvgs(string html) =>
        SvgPattern().Matches(html).Select(m => XDocument.Parse(m.Value)).ToList();

    [GeneratedRegex("<svg\\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();
}
