using System.Text.Json;
using Vigil.TestSupport;

namespace Vigil.Statistics.Tests.Oracles;

/// <summary>Loads the shared SciPy/sklearn oracle files (skips when ../shared is absent).</summary>
internal static class OracleJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true };

    public static JsonElement Load(string relative)
    {
        var path = SharedData.RequireFile(relative);
        // Python writes non-finite floats as the strings "NaN"/"Infinity"; Number() below maps them.
        using var doc = JsonDocument.Parse(File.ReadAllText(path), Options);
        return doc.RootElement.Clone();
    }

    public static double Number(this JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => double.Parse(s!, System.Globalization.CultureInfo.InvariantCulture),
        },
        _ => throw new InvalidOperationException("Not a number: " + e.ValueKind),
    };

    public static double[] Doubles(this JsonElement e)
    {
        var result = new double[e.GetArrayLength()];
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            result[i++] = item.Number();
        }

        return result;
    }

    public static int[] Ints(this JsonElement e)
    {
        var result = new int[e.GetArrayLength()];
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            result[i++] = item.GetInt32();
        }

        return result;
    }

    public static bool[] Bools(this JsonElement e)
    {
        var result = new bool[e.GetArrayLength()];
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            result[i++] = item.GetBoolean();
        }

        return result;
    }

    /// <summary>Asserts |actual − expected| ≤ max(rel·|expected|, abs); NaN equals NaN, ±∞ must match exactly.</summary>
    public static void Close(double expected, double actual, string what, double rel = 1e-9, double abs = 1e-12)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.True(expected.Equals(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }

        var tol = Math.Max(rel * Math.Abs(expected), abs);
        Assert.True(Math.Abs(actual - expected) <= tol, FormattableString.Invariant($"{what}: expected {expected:R}, got {actual:R} (diff {actual - expected:R})"));
    }
}
