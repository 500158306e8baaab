using System.Globalization;
using System.Text;

namespace Vigil.Rendering.Svg;

/// <summary>
/// Builds SVG markup. Every attribute value and text node goes through <see cref="Escape"/>, and every number is
/// written with the invariant culture and skipped callers-side when not finite, so the output always parses as XML.
/// </summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _sb = new();
    private readonly Stack<string> _open = new();

    /// <summary>Starts an <c>svg</c> root whose size follows its container (viewBox scaled to 100 % width).</summary>
    public SvgWriter(double width, double height, string? ariaLabel = null, string? cssClass = null)
    {
        Width = width;
        Height = height;
        _sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(Num(width)).Append(' ')
            .Append(Num(height)).Append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\"")
            .Append(" font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif\"");
        if (ariaLabel is not null)
        {
            _sb.Append(" aria-label=\"").Append(Escape(ariaLabel)).Append('"');
        }

        if (cssClass is not null)
        {
            _sb.Append(" class=\"").Append(Escape(cssClass)).Append('"');
        }

        _sb.Append('>');
        _open.Push("svg");
    }

    public double Width { get; }

    public double Height { get; }

    /// <summary>Formats a number for SVG: invariant culture, at most 2 decimals, never NaN or infinity.</summary>
    public static string Num(double v) =>
        double.IsFinite(v) ? Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture) : "0";

    /// <summary>Escapes text for use in XML/HTML text nodes and double-quoted attributes.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                // Control characters other than tab/newline are illegal in XML 1.0: drop them.
                case < ' ' when c is not '\t' and not '\n' and not '\r': break;
                case '\uFFFE' or '\uFFFF': break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Opens an element; attributes are (name, value) pairs and null values are left out.</summary>
    public SvgWriter Open(string tag, params (string Name, object? Value)[] attributes)
    {
        WriteStart(tag, attributes);
        _sb.Append('>');
        _open.Push(tag);
        return this;
    }

    /// <summary>Writes a childless element.</summary>
    public SvgWriter Empty(string tag, params (string Name, object? Value)[] attributes)
    {
        WriteStart(tag, attributes);
        _sb.Append("/>");
        return this;
    }

    /// <summary>Writes an element holding only (escaped) text.</summary>
    public SvgWriter TextElement(string tag, string? text, params (string Name, object? Value)[] attributes)
    {
        WriteStart(tag, attributes);
        _sb.Append('>').Append(Escape(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Writes escaped text into the innermost open element.</summary>
    public SvgWriter Content(string? text)
    {
        _sb.Append(Escape(text));
        return this;
    }

    /// <summary>Writes a <c>title</c> child: the browser's hover tooltip for the enclosing element.</summary>
    public SvgWriter Title(string? text) => TextElement("title", text);

    /// <summary>Writes a <c>text</c> element.</summary>
    public SvgWriter Text(double x, double y, string? text, string anchor = "start", double size = 11,
        string fill = "#475569", string? weight = null, string? extra = null)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            return this;
        }

        _sb.Append("<text x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y)).Append("\" font-size=\"")
            .Append(Num(size)).Append("\" fill=\"").Append(Escape(fill)).Append('"');
        if (anchor != "start")
        {
            _sb.Append(" text-anchor=\"").Append(Escape(anchor)).Append('"');
        }

        if (weight is not null)
        {
            _sb.Append(" font-weight=\"").Append(Escape(weight)).Append('"');
        }

        if (extra is not null)
        {
            // Trusted, code-built attribute text (e.g. a transform); never user input.
            _sb.Append(' ').Append(extra);
        }

        _sb.Append('>').Append(Escape(text)).Append("</text>");
        return this;
    }

    public SvgWriter Line(double x1, double y1, double x2, double y2, string stroke, double width = 1,
        string? dash = null)
    {
        if (!AllFinite(x1, y1, x2, y2))
        {
            return this;
        }

        return Empty("line", ("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2), ("stroke", stroke),
            ("stroke-width", width), ("stroke-dasharray", dash));
    }

    public SvgWriter Rect(double x, double y, double w, double h, string fill, string? stroke = null,
        double rx = 0)
    {
        if (!AllFinite(x, y, w, h) || w < 0 || h < 0)
        {
            return this;
        }

        return Empty("rect", ("x", x), ("y", y), ("width", w), ("height", h), ("fill", fill), ("stroke", stroke),
            ("rx", rx > 0 ? rx : null));
    }

    /// <summary>Closes the innermost open element.</summary>
    public SvgWriter Close()
    {
        _sb.Append("</").Append(_open.Pop()).Append('>');
        return this;
    }

    /// <summary>Closes everything still open and returns the markup.</summary>
    public override string ToString()
    {
        while (_open.Count > 0)
        {
            Close();
        }

        return _sb.ToString();
    }

    public static bool AllFinite(params ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    private void WriteStart(string tag, (string Name, object? Value)[] attributes)
    {
        _sb.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            var text = value switch
            {
                null => null,
                double d => double.IsFinite(d) ? Num(d) : null,
                int i => i.ToString(CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (text is not null)
            {
                _sb.Append(' ').Append(name).Append("=\"").Append(Escape(text)).Append('"');
            }
        }
    }
}
