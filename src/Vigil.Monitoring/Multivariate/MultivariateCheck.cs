using System.Collections.Concurrent;
using System.Globalization;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Multivariate;

/// <summary>
/// Multivariate drift of windows against reference rows: the domain classifier (<see cref="DomainClassifierResult"/>)
/// and the PCA reconstruction error (<see cref="ReconstructionResult"/>). The reference comes from a profile's
/// <see cref="ReferenceRowSample"/> (a profile without one — written before Vigil kept rows — gives results that say
/// the methods did not run and why) or from a reference table (<c>vigil drift --multivariate</c>). What depends only
/// on the reference (encoding, PCA and its thresholds) is prepared once per feature set; an instance is thread-safe.
/// </summary>
public sealed class MultivariateCheck
{
    /// <summary>Why a profile without whole rows cannot be checked.</summary>
    public const string NoRowSample =
        "the reference profile holds no whole rows (written before multivariate drift, or with a row sample cap of 0); retrain to build a profile that keeps them";

    private readonly Table? _reference;
    private readonly IReadOnlyList<string> _features;
    private readonly MultivariateOptions _options;
    private readonly ConcurrentDictionary<string, Lazy<Prepared>> _prepared = new(StringComparer.Ordinal);

    /// <summary>Against the whole rows stored in <paramref name="profile"/>.</summary>
    public MultivariateCheck(ReferenceProfile profile, MultivariateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _options = options ?? new MultivariateOptions();
        _options.Validate();
        _reference = profile.RowSample?.ToTable();
        // The profile decides which features are compared: a feature blank in every training row is left out, as in the column checks.
        _features = _reference is null ? [] : _reference.ColumnNames.Where(n => profile.Find(n) is not { Valid: 0 }).ToArray();
    }

    /// <summary>Against <paramref name="reference"/> (subsampled to <see cref="MultivariateOptions.MaxRowsPerSide"/>); <paramref name="label"/> and date-time columns are left out.</summary>
    public MultivariateCheck(Table reference, MultivariateOptions? options = null, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _options = options ?? new MultivariateOptions();
        _options.Validate();
        _reference = reference.Take(DomainClassifier.Sample(reference.RowCount, _options.MaxRowsPerSide, _options.Seed));
        _features = reference.Columns
            .Where(c => c.Kind != ColumnKind.DateTime && !string.Equals(c.Name, label, StringComparison.Ordinal) && c.MissingCount < c.Length)
            .Select(c => c.Name).ToArray();
    }

    /// <summary>Runs both methods on <paramref name="window"/>.</summary>
    public MultivariateDriftResult Run(Table window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (_reference is null)
        {
            return NotRun(NoRowSample, [], []);
        }

        var used = new List<string>();
        var skipped = new List<string>();
        foreach (var name in _features)
        {
            if (window.TryGetColumn(name, out var column) && SameKind(_reference[name], column))
            {
                used.Add(name);
            }
            else
            {
                skipped.Add(name);
            }
        }

        if (used.Count == 0)
        {
            return NotRun("no feature of the reference is in the window with the same kind", used, skipped);
        }

        var prepared = _prepared.GetOrAdd(string.Join('\u001f', used), _ => new Lazy<Prepared>(() => Prepare(used))).Value;
        var domain = DomainClassifier.Run(prepared.Encoding, _reference, prepared.ClassifierRows, window, _options, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var reconstruction = Reconstruct(prepared, window);
        return new MultivariateDriftResult
        {
            Features = used,
            Skipped = skipped,
            DomainClassifier = domain,
            Reconstruction = reconstruction,
            DatasetDrift = domain.Drifted,
            Reason = $"domain classifier: {domain.Reason}; PCA reconstruction: {reconstruction.Reason}",
        };
    }

    private static bool SameKind(Column reference, Column window) =>
        reference is NumericColumn ? window is NumericColumn : window.Kind is ColumnKind.Categorical or ColumnKind.Boolean;

    private Prepared Prepare(IReadOnlyList<string> features)
    {
        var encoding = FeatureEncoding.Of(_reference!, features);
        var classifierRows = DomainClassifier.Sample(_reference!.RowCount, _options.MaxRowsPerSide, _options.Seed);
        var model = _reference.RowCount >= Math.Max(_options.MinRows, 4)
            ? ReconstructionModel.Fit(encoding.PcaRows(_reference), _options.VarianceShare, _options.Seed)
            : null;
        return new Prepared(encoding, classifierRows, model);
    }

    private ReconstructionResult Reconstruct(Prepared prepared, Table window)
    {
        var model = prepared.Model;
        var k = _options.ThresholdDeviations;
        if (model is null)
        {
            return new ReconstructionResult
            {
                NReference = _reference!.RowCount,
                NCurrent = window.RowCount,
                ThresholdDeviations = k,
                Reason = Text($"needs at least {_options.MinRows} reference rows; there are {_reference.RowCount}"),
            };
        }

        var basis = new ReconstructionResult
        {
            NFit = model.FitRows,
            NReference = model.HeldOutRows,
            NCurrent = window.RowCount,
            Features = model.Width,
            Components = model.Components,
            ExplainedVariance = model.ExplainedVariance,
            ReferenceError = model.ReferenceError,
            ReferenceRowDeviation = model.RowDeviation,
            ThresholdDeviations = k,
        };
        if (window.RowCount == 0)
        {
            return basis with { Reason = "the window has no rows" };
        }

        var error = model.Errors(prepared.Encoding.PcaRows(window)).Average();
        // A window mean of n rows against the held-out mean of m rows: sd·√(1/n + 1/m) (rows independent under no drift).
        var spread = model.RowDeviation * Math.Sqrt((1.0 / window.RowCount) + (1.0 / model.HeldOutRows));
        var lower = model.ReferenceError - (k * spread);
        var upper = model.ReferenceError + (k * spread);
        var drifted = error < lower || error > upper;
        var where = error > upper ? "above" : error < lower ? "below" : "within";
        return basis with
        {
            Ran = true,
            Error = error,
            Lower = lower,
            Upper = upper,
            Drifted = drifted,
            Reason = Text($"{(drifted ? "drifted" : "not drifted")}: mean error {error:G4} {where} [{lower:G4}, {upper:G4}] (reference {model.ReferenceError:G4} ± {k} SD for {window.RowCount} rows; {model.Components} components, {model.ExplainedVariance:P0} of the variance)"),
        };
    }

    private MultivariateDriftResult NotRun(string reason, IReadOnlyList<string> used, IReadOnlyList<string> skipped) => new()
    {
        Features = used,
        Skipped = skipped,
        DomainClassifier = new DomainClassifierResult { Reason = reason, Folds = _options.Classifier.Folds, Alpha = _options.Alpha, MinAuc = _options.MinAuc },
        Reconstruction = new ReconstructionResult { Reason = reason, ThresholdDeviations = _options.ThresholdDeviations },
        Reason = "not run: " + reason,
    };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Prepared(FeatureEncoding Encoding, int[] ClassifierRows, ReconstructionModel? Model);
}
