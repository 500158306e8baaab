using Vigil.Statistics.Multivariate;

namespace Vigil.Monitoring.Multivariate;

/// <summary>
/// PCA fitted on half of the reference rows (seeded split), and the reconstruction error of the other half: held out
/// so the band's centre is the error an unchanged window has (an in-sample error is slightly smaller, which a large
/// window would see as drift).
/// </summary>
internal sealed class ReconstructionModel
{
    private readonly StandardScaling _scaling;
    private readonly PrincipalComponents _components;

    private ReconstructionModel(StandardScaling scaling, PrincipalComponents components, int fit, int heldOut, double mean, double deviation)
    {
        _scaling = scaling;
        _components = components;
        FitRows = fit;
        HeldOutRows = heldOut;
        ReferenceError = mean;
        RowDeviation = deviation;
    }

    public int FitRows { get; }

    public int HeldOutRows { get; }

    public int Width => _scaling.Width;

    public int Components => _components.Count;

    public double ExplainedVariance => _components.ExplainedVariance;

    /// <summary>Mean error of the held-out reference rows.</summary>
    public double ReferenceError { get; }

    /// <summary>Standard deviation (n − 1) of one held-out row's error.</summary>
    public double RowDeviation { get; }

    /// <summary>Fits on <paramref name="rows"/> (encoded reference rows, NaN for missing); needs at least 4.</summary>
    public static ReconstructionModel Fit(double[][] rows, double varianceShare, int seed)
    {
        var order = Enumerable.Range(0, rows.Length).ToArray();
        new Random(seed).Shuffle(order);
        var half = rows.Length / 2;
        var fit = order[..half].Select(i => rows[i]).ToArray();
        var heldOut = order[half..].Select(i => rows[i]).ToArray();
        var width = rows[0].Length;
        var scaling = StandardScaling.Fit(fit, width);
        var components = PrincipalComponents.Fit(fit.Select(r => Standardised(scaling, r)).ToArray(), varianceShare);
        var model = new ReconstructionModel(scaling, components, fit.Length, heldOut.Length, 0, 0);
        var errors = model.Errors(heldOut);
        var mean = errors.Average();
        var deviation = Math.Sqrt(errors.Sum(e => (e - mean) * (e - mean)) / (errors.Length - 1));
        return new ReconstructionModel(scaling, components, fit.Length, heldOut.Length, mean, deviation);
    }

    /// <summary>The reconstruction error of each row.</summary>
    public double[] Errors(double[][] rows)
    {
        var errors = new double[rows.Length];
        var z = new double[_scaling.Width];
        for (var i = 0; i < rows.Length; i++)
        {
            _scaling.Apply(rows[i], z);
            errors[i] = _components.ReconstructionError(z);
        }

        return errors;
    }

    private static double[] Standardised(StandardScaling scaling, double[] row)
    {
        var z = new double[row.Length];
        scaling.Apply(row, z);
        return z;
    }
}
