using System.Globalization;
using Vigil.Data.Tables;
using Vigil.Monitoring.Drift;
using Vigil.Monitoring.Profiles;
using Vigil.Statistics.Distances;
using Vigil.Statistics.Sorting;
using Vigil.Statistics.TwoSample;

namespace Vigil.Monitoring.Checks;

/// <summary>
/// Runs <see cref="DriftAnalyzer"/> for windows against a saved <see cref="ReferenceProfile"/> (its stored samples,
/// not the training data). The reference is prepared once per instance; the instance is immutable and thread-safe.
/// ±Infinity in the window is treated as missing here (the quality check reports it as non_finite). Date-time features
/// are not tested: a window's timestamps always lie after training (they are listed in <c>Skipped</c>).
/// </summary>
public sealed class DriftCheck
{
    private readonly ReferenceProfile _profile;
    private readonly DriftOptions _options;
    private readonly ColumnProfile[] _features;
    private readonly ReferenceSample _featureSample;
    private readonly ReferenceSample? _labelSample;

    public DriftCheck(ReferenceProfile profile, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
        _options = options ?? new DriftOptions();
        _options.Validate();
        _features = profile.Features.ToArray();
        _featureSample = profile.ToReferenceSample(_features.Select(c => c.Name), _options.PsiBins);
        _labelSample = profile.Label is null ? null : profile.ToReferenceSample([profile.Label], _options.PsiBins);
    }

    /// <summary>Compares <paramref name="window"/>'s features (and label, when present) and <paramref name="scores"/> (when given).</summary>
    public DriftCheckResult Run(Table window, IReadOnlyList<double>? scores = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        window = KindRules.WithoutInfinities(window);
        var skipped = new List<SkippedColumn>();
        var compared = new List<ColumnProfile>();
        foreach (var feature in _features)
        {
            if (!window.TryGetColumn(feature.Name, out var column))
            {
                skipped.Add(new SkippedColumn(feature.Name, "absent from the window"));
            }
            else if (!KindRules.Compatible(feature, column.Kind))
            {
                skipped.Add(new SkippedColumn(feature.Name, string.Create(CultureInfo.InvariantCulture, $"{feature.Kind} in the profile but {column.Kind} in the window")));
            }
            else if (feature.Valid == 0)
            {
                // Blank in every training row (training ignored it): no reference to test against, and not a
                // feature that could count as drifted.
                skipped.Add(new SkippedColumn(feature.Name, "missing in every training row: there is no reference to compare with"));
            }
            else if (feature.Kind == ColumnKind.DateTime && !feature.ComparedAsCategorical)
            {
                // A timestamp's window always lies after training: a drift test would flag it every time (and, through
                // feature importance, ask for a retrain every time). The quality check still looks at its missing cells.
                skipped.Add(new SkippedColumn(feature.Name, "date-time column: it moves with time, so its shift is expected and not tested"));
            }
            else
            {
                compared.Add(feature);
            }
        }

        var sample = skipped.Count == 0 ? _featureSample : _profile.ToReferenceSample(compared.Select(c => c.Name), _options.PsiBins);
        var report = DriftAnalyzer.Compare(sample, window, _options, null, cancellationToken);
        report = RestoreReferenceFigures(report, compared);
        var drifted = report.Columns.Where(c => c.Drifted).Select(c => c.Name).ToArray();
        var weighted = WeightedShare(report);
        var threshold = _options.DatasetDriftShare;
        var plainDecides = compared.Count > 0 && report.DriftedShare >= threshold;
        var weightedDecides = weighted >= threshold;
        var reason = (plainDecides, weightedDecides) switch
        {
            (true, true) => "both the drifted share and the importance-weighted share reach the threshold",
            (true, false) => "the drifted share reaches the threshold",
            (false, true) => "the importance-weighted drifted share reaches the threshold",
            _ => compared.Count == 0 ? "no feature could be compared" : "neither drifted share reaches the threshold",
        };
        return new DriftCheckResult
        {
            Features = report,
            Skipped = skipped,
            DriftedColumns = drifted,
            DriftedShare = report.DriftedShare,
            WeightedDriftedShare = weighted,
            DatasetDriftThreshold = threshold,
            DatasetDrift = plainDecides || weightedDecides,
            DatasetDriftReason = reason,
            LabelDrift = LabelDrift(window, cancellationToken),
            FeatureImportance = _profile.FeatureImportance,
            FeatureImportanceNote = _profile.FeatureImportance is null ? _profile.FeatureImportanceNote : null,
            PredictionDrift = scores is null ? null : ComparePredictions(scores),
        };
    }

    private DriftReport RestoreReferenceFigures(DriftReport report, List<ColumnProfile> compared)
    {
        var columns = report.Columns.Select((c, i) => c with { MissingReference = compared[i].Missing }).ToArray();
        return report with { Columns = columns, ReferenceRows = _profile.RowCount };
    }

    private double? WeightedShare(DriftReport report)
    {
        if (_profile.FeatureImportance is not { } importance)
        {
            return null;
        }

        double total = 0, drifted = 0;
        foreach (var column in report.Columns)
        {
            var w = Math.Max(0, importance.GetValueOrDefault(column.Name));
            total += w;
            drifted += column.Drifted ? w : 0;
        }

        return total > 0 ? drifted / total : null;
    }

    private ColumnDrift? LabelDrift(Table window, CancellationToken cancellationToken)
    {
        var label = _profile.Label is null ? null : _profile.Find(_profile.Label);
        if (label is null || _labelSample is null || !window.TryGetColumn(label.Name, out var column) || !KindRules.Compatible(label, column.Kind))
        {
            return null;
        }

        // One test on its own: no correction, and it never counts towards the dataset share.
        var report = DriftAnalyzer.Compare(_labelSample, window, _options with { Correction = null }, label.Name, cancellationToken);
        return report.Columns[0] with { MissingReference = label.Missing };
    }

    private PredictionDrift ComparePredictions(IReadOnlyList<double> scores)
    {
        var reference = _profile.Baseline?.ScoreSample ?? [];
        var current = scores.Where(double.IsFinite).ToArray();
        DoubleSort.Sort(current);
        if (reference.Count == 0 || current.Length == 0)
        {
            return new PredictionDrift
            {
                NReference = reference.Count,
                NCurrent = current.Length,
                Reason = reference.Count == 0 ? "the baseline has no scores" : "the window has no finite scores",
            };
        }

        var sorted = reference as double[] ?? [.. reference];
        var ks = KolmogorovSmirnov.TwoSample(sorted, current);
        var normed = Wasserstein.Normalized(Wasserstein.DistanceSorted(sorted, current), Wasserstein.PopulationStd(sorted));
        var drifted = ks.PValue < _options.Alpha && normed >= _options.MinWassersteinNormed;
        var inv = CultureInfo.InvariantCulture;
        return new PredictionDrift
        {
            NReference = sorted.Length,
            NCurrent = current.Length,
            KsStatistic = ks.Statistic,
            KsPValue = ks.PValue,
            WassersteinNormed = normed,
            Drifted = drifted,
            Reason = drifted
                ? string.Format(inv, "score distribution shifted: KS p = {0:G3} < {1}, W1/std = {2:F3}", ks.PValue, _options.Alpha, normed)
                : string.Format(inv, "no material score shift: KS p = {0:G3}, W1/std = {1:F3}", ks.PValue, normed),
        };
    }
}
