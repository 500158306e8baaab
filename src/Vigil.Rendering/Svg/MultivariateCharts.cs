using Vigil.Monitoring.Reporting.Model;
using static Vigil.Rendering.Html.Format;

namespace Vigil.Rendering.Svg;

/// <summary>
/// The two multivariate series as line charts: the domain classifier's AUC against 0.5 (indistinguishable) and its
/// floor, and the PCA reconstruction error with each window's band as whiskers around the reference error.
/// </summary>
internal static class MultivariateCharts
{
    public static bool HasClassifier(MultivariateView view) => view.Points.Any(p => p.Auc is { } a && double.IsFinite(a));

    public static bool HasReconstruction(MultivariateView view) => view.Points.Any(p => p.Error is { } e && double.IsFinite(e));

    public static string Classifier(MultivariateView view, double width, double height)
    {
        var points = view.Points.Where(p => p.Auc is not null)
            .Select(p => new LineChartPoint(p.At, p.Auc!.Value, Flagged: p.ClassifierDrifted,
                Tooltip: Time(p.At) + "\nAUC = " + Fixed(p.Auc, 3) + ", p = " + PValue(p.PValue) + (p.ClassifierDrifted ? "\nDATASET DRIFT" : "") + Check(p)))
            .ToList();
        return LineChart.Render(points, new LineChartOptions
        {
            Width = width,
            Height = height,
            SeriesName = "domain classifier AUC",
            Baseline = 0.5,
            Threshold = view.MinAuc,
            HigherIsBetter = false,
            FlaggedName = "dataset drift",
        });
    }

    public static string Reconstruction(MultivariateView view, double width, double height)
    {
        var points = view.Points.Where(p => p.Error is not null)
            .Select(p => new LineChartPoint(p.At, p.Error!.Value, p.Lower, p.Upper, p.ReconstructionDrifted,
                Time(p.At) + "\nerror = " + Metric(p.Error) + " band [" + Metric(p.Lower) + ", " + Metric(p.Upper) + "]" + (p.ReconstructionDrifted ? "\nOUTSIDE THE BAND" : "") + Check(p)))
            .ToList();
        return LineChart.Render(points, new LineChartOptions
        {
            Width = width,
            Height = height,
            SeriesName = "PCA reconstruction error",
            Baseline = view.Points.LastOrDefault(p => p.ReferenceError is not null)?.ReferenceError,
            IntervalName = "band for the window",
            FlaggedName = "outside the band",
        });
    }

    private static string Check(MultivariatePoint p) => p.CheckId is null ? "" : "\ncheck " + p.CheckId;
}
