namespace Vigil.Statistics.Calibration;

/// <summary>
/// A fitted isotonic regression: distinct inputs in ascending order and their non-decreasing fitted values. A
/// prediction interpolates linearly between neighbours and is clipped to the end values outside the fitted range.
/// Points inside a flat run are dropped (they do not change any prediction), so the stored function stays small.
/// </summary>
public sealed record IsotonicFit
{
    public IsotonicFit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count == 0)
        {
            throw new ArgumentException($"An isotonic fit needs as many fitted values as inputs, at least one (found {x.Count} and {y.Count}).", nameof(y));
        }

        for (var i = 1; i < x.Count; i++)
        {
            if (!(x[i] > x[i - 1]) || !(y[i] >= y[i - 1]))
            {
                throw new ArgumentException($"An isotonic fit needs increasing inputs and non-decreasing values (point {i} breaks the order).", nameof(x));
            }
        }

        var keepX = new List<double>(x.Count);
        var keepY = new List<double>(y.Count);
        for (var i = 0; i < x.Count; i++)
        {
            var interior = i > 0 && i < x.Count - 1;
            if (!interior || y[i] != y[i - 1] || y[i] != y[i + 1])
            {
                keepX.Add(x[i]);
                keepY.Add(y[i]);
            }
        }

        X = keepX;
        Y = keepY;
        LowestPositive = keepY.FirstOrDefault(v => v > 0, 1);
        HighestBelowOne = keepY.LastOrDefault(v => v < 1, 0);
    }

    /// <summary>Fitted inputs, ascending.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>Fitted values, non-decreasing.</summary>
    public IReadOnlyList<double> Y { get; }

    /// <summary>The smallest fitted value above 0 (1 when there is none): where a fit that starts at 0 begins to rise.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double LowestPositive { get; }

    /// <summary>The largest fitted value below 1 (0 when there is none): where a fit that ends at 1 stops short of it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double HighestBelowOne { get; }

    /// <summary>The fitted function at <paramref name="x"/>; NaN stays NaN.</summary>
    public double Predict(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var n = X.Count;
        if (x <= X[0])
        {
            return Y[0];
        }

        if (x >= X[n - 1])
        {
            return Y[n - 1];
        }

        // Largest i with X[i] <= x.
        int lo = 0, hi = n - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            if (X[mid] <= x)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var t = (x - X[lo]) / (X[hi] - X[lo]);
        return Y[lo] + (t * (Y[hi] - Y[lo]));
    }
}
