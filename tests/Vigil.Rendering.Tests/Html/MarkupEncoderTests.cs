using Vigil.Rendering.Components.Shared;
using Vigil.Rendering.Html;
using Vigil.Rendering.Svg;

namespace Vigil.Rendering.Tests.Html;

public sealed class MarkupEncoderTests
{
    public static TheoryData<string> Texts =>
    [
        "plain",
        "<script>alert(\"x\")</script> & 'q' \"d\" </svg>",
        "&amp; already &lt;encoded&gt;",
        "tab\tnew\nline\rbell\u0007nul\0end\uFFFE\uFFFF",
        "עמודה \u202Eevil\u202C عمود",
        "📉 drift 🔥 ünïcödé — ∞",
        new string('<', 5000),
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void PagesAndChartsEncodeAlike(string text) =>
        Assert.Equal(SvgWriter.Escape(text), MarkupEncoder.Instance.Encode(text));

    [Fact]
    public void EncodesOnlyMarkupCharactersAndDropsControlCharacters()
    {
        Assert.Equal("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", MarkupEncoder.Instance.Encode("<b> & \"x\" 'y'"));
        Assert.Equal("ab\tc", MarkupEncoder.Instance.Encode("a\u0001b\tc"));
        Assert.Equal("📉 עמודה", MarkupEncoder.Instance.Encode("📉 עמודה"));
    }

    [Fact]
    public void ComponentsEncodeTextAndAttributesThroughIt()
    {
        var html = PageRenderer.Render<Badge>(new Dictionary<string, object?>
        {
            [nameof(Badge.Text)] = "<script>x</script> & 📉",
            [nameof(Badge.Tone)] = "good\" onmouseover=\"x",
        });
        Assert.Equal("<span class=\"badge good&quot; onmouseover=&quot;x\">&lt;script&gt;x&lt;/script&gt; &amp; 📉</span>", html.Trim());
    }

    [Fact]
    public async Task RendersTheSameOffAndOnASynchronizationContext()
    {
        var parameters = new Dictionary<string, object?> { [nameof(NoData.Message)] = "nothing <yet>" };
        var direct = PageRenderer.Render<NoData>(parameters);
        var previous = SynchronizationContext.Current;
        try
        {
            // A context that would deadlock a naive block on the calling thread.
            SynchronizationContext.SetSynchronizationContext(new SingleThreadContext());
            Assert.Equal(direct, PageRenderer.Render<NoData>(parameters));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        Assert.Equal(direct, await PageRenderer.RenderAsync<NoData>(parameters));
        Assert.Equal("<p class=\"nodata\">nothing &lt;yet&gt;</p>", direct.Trim());
    }

    /// <summary>Queues posted work and never runs it, like a UI thread blocked in the caller.</summary>
    private sealed class SingleThreadContext : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state)
        {
        }
    }
}
