using System.Text.Encodings.Web;

namespace Vigil.Rendering.Html;

/// <summary>
/// The one escaping policy of every page: the five markup characters become entities (<c>&amp;amp; &amp;lt; &amp;gt;
/// &amp;quot; &amp;#39;</c>), control characters other than tab and line breaks are dropped (illegal in XML, and the
/// inline SVG must parse as XML), everything else is written as itself so names in any script stay readable in the
/// file. <see cref="Svg.SvgWriter.Escape"/> applies the same rule to the charts. Razor's <c>HtmlRenderer</c> calls
/// it for every text node and attribute value.
/// </summary>
internal sealed class MarkupEncoder : HtmlEncoder
{
    public static MarkupEncoder Instance { get; } = new();

    private MarkupEncoder()
    {
    }

    // "&quot;" is the longest replacement.
    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar is '&' or '<' or '>' or '"' or '\'' or 0xFFFE or 0xFFFF
        || (unicodeScalar < ' ' && unicodeScalar is not '\t' and not '\n' and not '\r');

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
        {
            if (WillEncode(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var replacement = unicodeScalar switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ when WillEncode(unicodeScalar) => "",
            _ => null,
        };
        if (replacement is null)
        {
            // Not ours to change: write the scalar itself (one char, or a surrogate pair).
            replacement = char.ConvertFromUtf32(unicodeScalar);
        }

        if (replacement.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        for (var i = 0; i < replacement.Length; i++)
        {
            buffer[i] = replacement[i];
        }

        numberOfCharactersWritten = replacement.Length;
        return true;
    }
}
