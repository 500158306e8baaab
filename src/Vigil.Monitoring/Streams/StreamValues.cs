using System.Globalization;
using Vigil.AutoML;

namespace Vigil.Monitoring.Streams;

/// <summary>How a logged row becomes a value of a stream.</summary>
internal static class StreamValues
{
    /// <summary>
    /// The error of a labelled row: 1 when a classifier's prediction differs from the label (text compared ignoring
    /// case, and numbers by value, so "1.0" and "1" agree), 0 when it matches; the absolute error for regression
    /// (null when either side is not a number).
    /// </summary>
    public static double? Error(AutoMLTask task, string prediction, string label)
    {
        if (task == AutoMLTask.Regression)
        {
            return Number(prediction) is { } p && Number(label) is { } l ? Math.Abs(p - l) : null;
        }

        var same = string.Equals(prediction.Trim(), label.Trim(), StringComparison.OrdinalIgnoreCase)
            || (Number(prediction) is { } a && Number(label) is { } b && a == b);
        return same ? 0 : 1;
    }

    /// <summary>The score of a logged row; a regression row logged without a score uses its predicted value.</summary>
    public static double? Score(AutoMLTask task, double? score, string prediction) =>
        score is { } s && double.IsFinite(s) ? s : task == AutoMLTask.Regression ? Number(prediction) : null;

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
