using Vigil.Monitoring.Reporting.Model;

namespace Vigil.Monitoring.Tests.Reports;

/// <summary>Report fixtures: a realistic one (8 evaluations, 6 columns, a retrain and a promotion) and edge cases.</summary>
internal static class SampleReports
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 6, 0, 0, TimeSpan.Zero);

    public static readonly string[] Columns = ["age", "income", "region", "tenure_months", "plan", "last_login_days"];

    public static ModelReport Realistic()
    {
        double[] acc = [0.912, 0.905, 0.908, 0.894, 0.881, 0.862, 0.851, 0.903];
        var points = acc.Select((v, i) => new MetricPoint
        {
            At = Start.AddDays(i * 2),
            Value = v,
            CiLow = v - 0.018,
            CiHigh = v + 0.017,
            Rows = 1800 + (i * 75),
            Degraded = v < 0.87,
            CheckId = "chk-" + (i + 1),
        }).ToList();
        double[] ll = [0.241, 0.25, 0.246, 0.268, 0.29, 0.322, 0.341, 0.255];
        var logLoss = ll.Select((v, i) => new MetricPoint
        {
            At = Start.AddDays(i * 2), Value = v, Rows = 1800 + (i * 75), Degraded = v > 0.31, CheckId = "chk-" + (i + 1),
        }).ToList();

        // Estimates on the same windows; labels arrived for all but the two latest.
        var estimated = acc.Select((v, i) => new EstimatedPoint
        {
            At = Start.AddDays(i * 2),
            Value = v + (i % 2 == 0 ? 0.006 : -0.004),
            Lower = v - 0.014,
            Upper = v + 0.02,
            Rows = 1800 + (i * 75),
            Degraded = v < 0.86,
            CheckId = "chk-" + (i + 1),
            Realised = i < 6 ? v : null,
            RealisedCheckId = i < 6 ? "chk-" + (i + 1) : null,
        }).ToList();

        var v1 = new VersionSummary
        {
            Version = "v1", Learner = "LightGbm", CreatedAt = Start.AddDays(-10),
            Metrics = new Dictionary<string, double> { ["accuracy"] = 0.912, ["log_loss"] = 0.239, ["roc_auc"] = 0.951 },
            Reason = "Initial AutoML search (42 trials).",
        };
        var v2 = new VersionSummary
        {
            Version = "v2", Learner = "FastTree", CreatedAt = Start.AddDays(13), IsChampion = true,
            Metrics = new Dictionary<string, double> { ["accuracy"] = 0.909, ["log_loss"] = 0.247, ["roc_auc"] = 0.948 },
            Reason = "Challenger beat v1 on the fresh holdout: accuracy 0.909 vs 0.861.",
        };

        return new ModelReport
        {
            ModelName = "churn-classifier",
            GeneratedAt = Start.AddDays(15).AddHours(3),
            Task = "binary",
            PrimaryMetric = "accuracy",
            Champion = v2,
            Versions = [v1 with { IsChampion = false }, v2],
            Summary = new ReportSummary
            {
                TotalEvaluations = 8, LatestValue = 0.903, Baseline = 0.909, TrendSlope = -0.0041, Trend = "declining",
                LatestStatus = "warning",
            },
            MetricTimeline =
            [
                new MetricSeries { Metric = "accuracy", Baseline = 0.909, LowerThreshold = 0.87, Points = points },
                new MetricSeries { Metric = "log_loss", HigherIsBetter = false, Baseline = 0.247, LowerThreshold = 0.31, Points = logLoss },
            ],
            EstimatedTimeline =
            [
                new EstimatedSeries { Metric = "accuracy", Method = "cbpe", Watched = true, Baseline = 0.909, Threshold = 0.864, Points = estimated },
            ],
            LatestDrift = Columns.Select(Drift).ToList(),
            DriftHeatmap = Heatmap(Columns, 8),
            Multivariate = MultivariateHistory(8),
            QualityFindings =
            [
                new QualityFindingView { Column = "income", Kind = "missing", Severity = "warning", Detail = "7.4% missing (reference 1.1%)." },
                new QualityFindingView { Column = "region", Kind = "unseen_category", Severity = "warning", Detail = "2 unseen categories: \"north-east\", \"intl\" (3.2% of rows)." },
                new QualityFindingView { Column = "age", Kind = "out_of_range", Severity = "info", Detail = "12 rows above the reference maximum 91." },
                new QualityFindingView { Kind = "schema", Severity = "error", Detail = "Column 'promo_code' is new and was ignored." },
            ],
            Events =
            [
                new TimelineEvent { At = Start.AddDays(8).AddHours(1), Kind = "check_alarm", Title = "Accuracy below threshold", Detail = "0.862 < 0.870 on 2,175 rows." },
                new TimelineEvent { At = Start.AddDays(10).AddHours(1), Kind = "check_alarm", Title = "Accuracy below threshold", Detail = "0.851 < 0.870; income and region drifted." },
                new TimelineEvent { At = Start.AddDays(10).AddHours(2), Kind = "retrain_decision", Title = "Retrain warranted", Detail = "Two degraded windows in a row with data drift." },
                new TimelineEvent { At = Start.AddDays(12), Kind = "retrain", Version = "v2", Title = "Challenger trained", Detail = "Warm start from v1; 30 trials, FastTree best." },
                new TimelineEvent { At = Start.AddDays(13), Kind = "promotion", Version = "v2", Title = "v2 promoted", Detail = "Accuracy 0.909 vs 0.861 on the same fresh holdout." },
            ],
        };
    }

    public static DriftColumnView Drift(string name, int i)
    {
        var drifted = i is 1 or 2;
        var categorical = i is 2 or 4;
        string[] labels = categorical
            ? ["north", "south", "east", "west", "north-east", "intl"]
            : ["≤ 20", "(20, 30]", "(30, 40]", "(40, 50]", "(50, 60]", "(60, 70]", "(70, 80]", "> 80"];
        var reference = labels.Select((_, k) => 1.0 + Math.Sin(k + i)).ToArray();
        var current = labels.Select((_, k) => 1.0 + Math.Sin(k + i + (drifted ? 1.3 : 0.1))).ToArray();
        Normalize(reference);
        Normalize(current);
        return new DriftColumnView
        {
            Name = name,
            Type = categorical ? "categorical" : "numeric",
            Test = categorical ? "chi2" : "ks",
            Statistic = drifted ? (categorical ? 84.2 : 0.142) : (categorical ? 4.1 : 0.021),
            PValue = drifted ? 3.2e-7 / (i + 1) : 0.41 + (i * 0.05),
            PValueAdjusted = drifted ? 9.6e-7 : Math.Min(1, 0.62 + (i * 0.05)),
            Psi = drifted ? 0.31 : 0.012 * (i + 1),
            JensenShannon = drifted ? 0.19 : 0.03,
            WassersteinNormed = categorical ? null : (drifted ? 0.28 : 0.02),
            Drifted = drifted,
            Reason = drifted ? "adjusted p < 0.05 and PSI 0.31 ≥ 0.2" : "adjusted p ≥ 0.05",
            Histogram = new HistogramView { BinLabels = labels, ReferenceShares = reference, CurrentShares = current },
        };
    }

    public static DriftHeatmapView Heatmap(IReadOnlyList<string> columns, int checks) => new()
    {
        Columns = columns,
        Checks = Enumerable.Range(0, checks).Select(k => new HeatmapCheck { CheckId = "chk-" + (k + 1), At = Start.AddDays(k * 2) }).ToList(),
        Cells = columns.Select((_, c) => (IReadOnlyList<HeatmapCell>)Enumerable.Range(0, checks).Select(k =>
        {
            var strong = c is 1 or 2 && k >= 4;
            double? p = c == 5 && k == 0 ? null : strong ? Math.Pow(10, -(k - 1)) : 0.2 + (0.1 * ((c + k) % 7));
            return new HeatmapCell { AdjustedP = p, Psi = strong ? 0.25 + (0.02 * k) : 0.01 * (c + 1), Drifted = strong && k >= 5 };
        }).ToList()).ToList(),
    };

    /// <summary>Nothing measured yet: a freshly registered model.</summary>
    public static ModelReport Empty() => new()
    {
        ModelName = "fresh-model",
        GeneratedAt = Start,
        Task = "regression",
        PrimaryMetric = "rmse",
        Summary = new ReportSummary(),
        MetricTimeline = [new MetricSeries { Metric = "rmse", HigherIsBetter = false }],
    };

    /// <summary>One evaluation, one column, one check, one event.</summary>
    public static ModelReport SinglePoint() => Realistic() with
    {
        MetricTimeline = [new MetricSeries { Metric = "accuracy", Baseline = 0.9, LowerThreshold = 0.85, Points = [new MetricPoint { At = Start, Value = 0.88, Rows = 500 }] }],
        LatestDrift = [Drift("age", 0)],
        DriftHeatmap = Heatmap(["age"], 1),
        Events = [new TimelineEvent { At = Start, Kind = "promotion", Version = "v1", Title = "v1 promoted" }],
    };

    /// <summary>Non-finite values everywhere a number can go.</summary>
    public static ModelReport NonFinite()
    {
        var r = Realistic();
        var series = r.MetricTimeline[0];
        var pts = series.Points.Select((p, i) => i switch
        {
            1 => p with { Value = double.NaN },
            2 => p with { CiLow = double.NegativeInfinity, CiHigh = double.PositiveInfinity },
            3 => p with { Value = double.PositiveInfinity },
            _ => p,
        }).ToList();
        var drift = r.LatestDrift.Select((d, i) => i == 0
            ? d with
            {
                PValue = double.NaN, Psi = double.PositiveInfinity,
                Histogram = d.Histogram! with { CurrentShares = [.. d.Histogram.CurrentShares.Select((s, k) => k == 0 ? double.NaN : s)] },
            }
            : d).ToList();
        return r with
        {
            Summary = r.Summary with { LatestValue = double.NaN, TrendSlope = double.NaN },
            MetricTimeline = [series with { Points = pts, Baseline = double.NaN }],
            LatestDrift = drift,
        };
    }

    /// <summary>Column and model names built to break careless markup.</summary>
    public static ModelReport Hostile()
    {
        const string evil = "<script>alert(\"x\")</script> & 'q' \"d\" </svg>";
        var r = Realistic();
        return r with
        {
            ModelName = "model " + evil,
            LatestDrift = [.. r.LatestDrift.Select((d, i) => i == 0 ? d with { Name = evil, Reason = evil, Histogram = d.Histogram! with { BinLabels = [.. d.Histogram.BinLabels.Select(_ => evil)] } } : d)],
            DriftHeatmap = r.DriftHeatmap! with { Columns = [evil, .. r.DriftHeatmap.Columns.Skip(1)] },
            Multivariate = r.Multivariate! with
            {
                Latest = r.Multivariate.Latest with
                {
                    DomainClassifier = r.Multivariate.Latest.DomainClassifier with { Reason = evil, TopFeatures = [new(evil, 0.7)] },
                    Reconstruction = r.Multivariate.Latest.Reconstruction with { Reason = evil },
                },
            },
            QualityFindings = [new QualityFindingView { Column = evil, Kind = evil, Severity = "error", Detail = evil }],
            Events = [new TimelineEvent { At = Start, Kind = evil, Version = evil, Title = evil, Detail = evil }],
        };
    }

    /// <summary>Multivariate drift over <paramref name="checks"/> checks: the last two separable, the last one outside the PCA band.</summary>
    public static MultivariateView MultivariateHistory(int checks)
    {
        var points = Enumerable.Range(0, checks).Select(i => new MultivariatePoint
        {
            At = Start.AddDays(i * 2),
            CheckId = "chk-" + (i + 1),
            Auc = i < checks - 2 ? 0.49 + (0.005 * i) : 0.63 + (0.02 * (i - checks + 2)),
            PValue = i < checks - 2 ? 0.4 : 1e-12,
            ClassifierDrifted = i >= checks - 2,
            Error = i < checks - 1 ? 2.10 + (0.01 * i) : 2.61,
            Lower = 2.02,
            Upper = 2.24,
            ReferenceError = 2.13,
            ReconstructionDrifted = i == checks - 1,
        }).ToList();
        var latest = new Vigil.Monitoring.Multivariate.MultivariateDriftResult
        {
            Features = Columns,
            DomainClassifier = new Vigil.Monitoring.Multivariate.DomainClassifierResult
            {
                Ran = true, Reason = "separable: cross-validated AUC 0.650 ≥ 0.55 with p = 1E-12 < 0.05", NReference = 5000, NCurrent = 2400,
                WindowRows = 2400, Folds = 5, Auc = 0.65, PValue = 1e-12, Alpha = 0.05, MinAuc = 0.55, Drifted = true,
                TopFeatures = [new("income", 0.46), new("tenure_months", 0.31)],
            },
            Reconstruction = new Vigil.Monitoring.Multivariate.ReconstructionResult
            {
                Ran = true, Reason = "drifted: mean error 2.61 above [2.02, 2.24]", NFit = 2500, NReference = 2500, NCurrent = 2400, Features = 6,
                Components = 3, ExplainedVariance = 0.71, Error = 2.61, ReferenceError = 2.13, Lower = 2.02, Upper = 2.24, ThresholdDeviations = 3, Drifted = true,
            },
            DatasetDrift = true,
        };
        return new MultivariateView { MinAuc = 0.55, Points = points, Latest = latest };
    }

    private static void Normalize(double[] shares)
    {
        var sum = shares.Sum();
        for (var k = 0; k < shares.Length; k++)
        {
            shares[k] /= sum;
        }
    }
}
