using System.Xml.Linq;
using Vigil.Rendering.Svg;

namespace Vigil.Rendering.Tests.Report;

public class SvgPrimitiveTests
{
    [Theory]
    [InlineData(0.851, 0.93, 0.84, 0.94, 0.02)]
    [InlineData(0, 97, 0, 100, 20)]
    [InlineData(-3.2, 7.9, -5, 10, 2.5)]
    public void NiceTicksCoverTheRangeWithRoundSteps(double min, double max, double lo, double hi, double step)
    {
        var nice = NiceTicks.For(min, max, 5);
        Assert.Equal(lo, nice.Min, 9);
        Assert.Equal(hi, nice.Max, 9);
        Assert.Equal(step, nice.Step, 9);
        Assert.Equal(nice.Min, nice.Ticks[0], 9);
        Assert.Equal(nice.Max, nice.Ticks[^1], 9);
    }

    [Fact]
    public void NiceTicksWidenAZeroRange()
    {
        var nice = NiceTicks.For(0.9, 0.9);
        Assert.True(nice.Min < 0.9 && nice.Max > 0.9);
        Assert.InRange(nice.Ticks.Count, 2, 12);
    }

    [Fact]
    public void TimeTicksAreRoundAndReadable()
    {
        var start = new DateTimeOffset(2025, 3, 3, 6, 0, 0, TimeSpan.Zero);
        var ticks = TimeTicks.For(start, start.AddDays(14), 7);
        Assert.InRange(ticks.Count, 4, 10);
        Assert.All(ticks, t => Assert.Equal(TimeSpan.Zero, t.At.TimeOfDay));
        Assert.All(ticks, t => Assert.Matches("^Mar \\d{1,2}$", t.Label));

        var hours = TimeTicks.For(start, start.AddHours(6), 6);
        Assert.All(hours, t => Assert.Equal(0, t.At.Minute));
        Assert.Equal("06:00", hours[0].Label);

        var months = TimeTicks.For(start, start.AddDays(400), 6);
        Assert.Contains(months, t => t.Label == "Jan 2026");
    }

    [Fact]
    public void NumbersAreInvariantAndFinite()
    {
        Assert.Equal("1.5", SvgWriter.Num(1.5));
        Assert.Equal("1234567.89", SvgWriter.Num(1234567.891));

        Assert.Equal("0", SvgWriter.Num(double.NaN));
        Assert.Equal("-3.14", SvgWriter.Num(-3.14159));
    }

    [Fact]
    public void EscapesEveryTextAndAttribute()
    {
        const string evil = "a<b>&\"c\"'d'\u0001";
        var w = new SvgWriter(100, 50, evil, evil);
        w.Text(1, 2, evil);
        w.Open("g", ("data-x", evil)).Title(evil).Close();
        var doc = XDocument.Parse(w.ToString());
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("a<b>&\"c\"'d'", doc.Root!.Element(ns + "text")!.Value);
        Assert.Equal("a<b>&\"c\"'d'", (string?)doc.Root.Element(ns + "g")!.Attribute("data-x"));
    }

    [Fact]
    public void DegenerateInputStillGivesAnSvgWithOnlyFiniteNumbers()
    {
        // Empty series, NaN and infinite values: each chart is still a well-formed <svg> whose coordinates are all
        // finite numbers (a NaN in a coordinate makes browsers drop the element, or the whole chart).
        var t = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string[] charts =
        [
            LineChart.Render([], new LineChartOptions()),
            LineChart.Render([new LineChartPoint(t, double.NaN)], new LineChartOptions { Threshold = double.NaN }),
            HistogramChart.Render([], [], []),
            HistogramChart.Render(["a"], [double.PositiveInfinity], [0.5]),
            Heatmap.Render([], [], [], [], "p"),
            EventTimelineChart.Render([], []),
        ];
        XNamespace ns = "http://www.w3.org/2000/svg";
        foreach (var svg in charts)
        {
            var root = XDocument.Parse(svg).Root!;
            Assert.Equal(ns + "svg", root.Name);
            Assert.All(root.DescendantsAndSelf().Attributes(), attribute =>
                Assert.DoesNotMatch("NaN|Infinity|\u221E", attribute.Value));
        }
    }
}
