using System.Globalization;
using System.Text.Json;
using Vigil.Statistics.ChangeDetection;
using Vigil.TestSupport;

namespace Vigil.Statistics.Tests.ChangeDetection;

/// <summary>
/// The detectors against River's docstring examples (run as doctests in River's CI): the streams are regenerated
/// with Python's <c>random</c> exactly as there and the detection indices are those the examples print
/// (<c>../shared/oracles/streams/expected.json</c>). Compared exactly.
/// </summary>
public class RiverOracleTests
{
    [SkippableFact]
    public void AdwinDetectsWhereRiverDoes()
    {
        var c = Case("ADWIN");
        var p = c.GetProperty("params");
        var adwin = new Adwin(delta: p.GetProperty("delta").GetDouble());
        Assert.Equal(Indices(c, "drifts_at"), Run(adwin, Stream(c)).Drifts);
    }

    [SkippableFact]
    public void PageHinkleyDetectsWhereRiverDoes()
    {
        var c = Case("PageHinkley");
        var p = c.GetProperty("params");
        var ph = new PageHinkley(p.GetProperty("min_instances").GetInt32(), p.GetProperty("delta").GetDouble(),
            p.GetProperty("threshold").GetDouble(), p.GetProperty("alpha").GetDouble());
        Assert.Equal(Indices(c, "drifts_at"), Run(ph, Stream(c)).Drifts);
    }

    [SkippableFact]
    public void DdmWarnsAndDetectsWhereRiverDoes()
    {
        var c = Case("DDM");
        var p = c.GetProperty("params");
        var ddm = new Ddm(p.GetProperty("warm_start").GetInt32(), p.GetProperty("warning_threshold").GetDouble(),
            p.GetProperty("drift_threshold").GetDouble());
        var (drifts, firstWarnings) = Run(ddm, Stream(c));
        Assert.Equal(Indices(c, "drifts_at"), drifts);
        Assert.Equal(Indices(c, "first_warnings_at"), firstWarnings);
    }

    [SkippableFact]
    public void RiverDefaultsAreTheExamplesSettings()
    {
        // The examples construct ADWIN(), PageHinkley() and DDM() with defaults; the parameters written in the oracle
        // file are those defaults, so ours must equal them too.
        var adwin = new Adwin();
        Assert.Equal(Case("ADWIN").GetProperty("params").GetProperty("delta").GetDouble(), adwin.Delta);
        var ph = new PageHinkley();
        var p = Case("PageHinkley").GetProperty("params");
        Assert.Equal((p.GetProperty("min_instances").GetInt32(), p.GetProperty("delta").GetDouble(), p.GetProperty("threshold").GetDouble(), p.GetProperty("alpha").GetDouble()),
            (ph.MinInstances, ph.Delta, ph.Threshold, ph.Alpha));
        var ddm = new Ddm();
        var d = Case("DDM").GetProperty("params");
        Assert.Equal((d.GetProperty("warm_start").GetInt32(), d.GetProperty("warning_threshold").GetDouble(), d.GetProperty("drift_threshold").GetDouble()),
            (ddm.WarmStart, ddm.WarningThreshold, ddm.DriftThreshold));
    }

    /// <summary>
    /// Runs a detector and returns the drift indices and, as the DDM example prints them, the first warning after the
    /// start or after each drift.
    /// </summary>
    internal static (int[] Drifts, int[] FirstWarnings) Run(ChangeDetector detector, IReadOnlyList<double> stream)
    {
        var drifts = new List<int>();
        var warnings = new List<int>();
        var printWarning = true;
        for (var i = 0; i < stream.Count; i++)
        {
            detector.Update(stream[i]);
            if (detector is BinaryChangeDetector { WarningDetected: true } && printWarning)
            {
                warnings.Add(i);
                printWarning = false;
            }

            if (detector.DriftDetected)
            {
                drifts.Add(i);
                printWarning = true;
            }
        }

        return (drifts.ToArray(), warnings.ToArray());
    }

    private static JsonElement Case(string detector)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.RequireFile("oracles/streams/expected.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("detector").GetString() == detector).Clone();
    }

    private static int[] Indices(JsonElement c, string name) => c.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static double[] Stream(JsonElement c)
    {
        var path = SharedData.RequireFile(Path.Combine("oracles/streams", c.GetProperty("file").GetString()!));
        var lines = File.ReadAllLines(path);
        Assert.Equal("value", lines[0].Trim());
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
    }
}
