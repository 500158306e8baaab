using System.Text.Json;
using Vigil.Statistics.Calibration;
using Vigil.Statistics.Tests.Oracles;

namespace Vigil.Statistics.Tests.Calibration;

/// <summary>
/// Isotonic regression and Platt scaling against scikit-learn 1.2.1 (Debian), on the cases in
/// Oracles/calibration_oracles.json (committed beside its generator, make_calibration_oracles.py).
/// Isotonic predictions are the same arithmetic (pooled means, linear interpolation): 1e-12 absolute. Platt's a, b
/// are an optimum that scikit-learn reaches by BFGS with its default gradient tolerance (1e-5 on a loss summed over
/// the rows), while Vigil's Newton iteration goes to the exact optimum, so a, b agree to 1e-4 and the calibrated
/// probabilities to 2e-5.
/// </summary>
public class CalibrationOracleTests
{
    private static readonly Lazy<JsonElement> Oracles = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Oracles", "calibration_oracles.json")));
        return doc.RootElement.Clone();
    });

    private static JsonElement Root => Oracles.Value;

    [Fact]
    public void OraclesComeFromScikitLearn12()
    {
        Assert.StartsWith("1.2.", Root.GetProperty("sklearn").GetString(), StringComparison.Ordinal);
        Assert.True(Root.GetProperty("isotonic").GetArrayLength() >= 5);
        Assert.True(Root.GetProperty("sigmoid_calibrator").GetArrayLength() >= 5);
    }

    [Fact]
    public void IsotonicRegressionMatchesScikitLearn()
    {
        foreach (var c in Root.GetProperty("isotonic").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var weights = c.GetProperty("weights").ValueKind == JsonValueKind.Null ? default : c.GetProperty("weights").Doubles();
            var fit = IsotonicRegression.Fit(c.GetProperty("x").Doubles(), c.GetProperty("y").Doubles(), weights);
            var query = c.GetProperty("query").Doubles();
            var expected = c.GetProperty("predicted").Doubles();
            for (var i = 0; i < query.Length; i++)
            {
                OracleJson.Close(expected[i], fit.Predict(query[i]), $"{name} at {query[i]}", rel: 0, abs: 1e-12);
            }
        }
    }

    [Fact]
    public void IsotonicCalibrationMatchesCalibratedClassifierCV()
    {
        foreach (var c in Root.GetProperty("isotonic_calibrator").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var labels = c.GetProperty("labels").Ints().Select(v => (double)v).ToArray();
            var fit = IsotonicRegression.Fit(c.GetProperty("scores").Doubles(), labels);
            var query = c.GetProperty("query").Doubles();
            var expected = c.GetProperty("calibrated").Doubles();
            for (var i = 0; i < query.Length; i++)
            {
                OracleJson.Close(expected[i], fit.Predict(query[i]), $"{name} at {query[i]}", rel: 0, abs: 1e-12);
            }
        }
    }

    [Fact]
    public void SigmoidCalibrationMatchesCalibratedClassifierCV()
    {
        foreach (var c in Root.GetProperty("sigmoid_calibrator").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var logOdds = c.GetProperty("scores").Doubles().Select(LogOdds).ToArray();
            var fit = PlattScaling.Fit(logOdds, c.GetProperty("labels").Ints());
            OracleJson.Close(c.GetProperty("a").Number(), fit.A, name + " a", rel: 0, abs: 1e-4);
            OracleJson.Close(c.GetProperty("b").Number(), fit.B, name + " b", rel: 0, abs: 1e-4);
            var query = c.GetProperty("query").Doubles();
            var expected = c.GetProperty("calibrated").Doubles();
            for (var i = 0; i < query.Length; i++)
            {
                OracleJson.Close(expected[i], fit.Predict(LogOdds(query[i])), $"{name} at {query[i]}", rel: 0, abs: 2e-5);
            }
        }
    }

    // The generator's classifier clips probabilities to [1e-12, 1 − 1e-12] before taking log-odds.
    private static double LogOdds(double p)
    {
        p = Math.Clamp(p, 1e-12, 1 - 1e-12);
        return Math.Log(p / (1 - p));
    }
}
