using System.Globalization;
using Vigil.Data.Tables;
using Vigil.Statistics.MultipleTesting;

namespace Vigil.Monitoring.Drift;

/// <summary>
/// Compares every column of a current table with a reference (see <see cref="DriftOptions"/> for the decision rule).
/// Each reference column is prepared once (sorted, binned, counted) in a <see cref="ReferenceSample"/>, so comparing
/// many windows against one reference costs one sort per window column. Columns run in parallel.
/// </summary>
public static class DriftAnalyzer
{
    /// <summary>Compares <paramref name="current"/> with <paramref name="reference"/>.</summary>
    /// <param name="columns">Columns to compare; null means every column of the reference.</param>
    /// <param name="label">The label column, if any: compared and reported, but not counted in the dataset share.</param>
    /// <exception cref="SchemaMismatchException">A compared column is absent from either table or has another kind.</exception>
    public static DriftReport Compare(Table reference, Table current, DriftOptions? options = null,
        IReadOnlyCollection<string>? columns = null, string? label = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        options ??= new DriftOptions();
        options.Validate();
        var names = columns ?? reference.ColumnNames;
        var missingInReference = names.Where(n => !reference.Contains(n)).ToArray();
        if (missingInReference.Length > 0)
        {
            throw new SchemaMismatchException(
                $"The reference has no column {string.Join(", ", missingInReference.Select(n => $"'{n}'"))}. Reference columns: {string.Join(", ", reference.ColumnNames)}.");
        }

        if (label is not null && !reference.Contains(label))
        {
            throw new SchemaMismatchException($"The label column '{label}' is not in the reference. Reference columns: {string.Join(", ", reference.ColumnNames)}.");
        }

        var prepared = ReferenceSample.Prepare(reference.SelectColumns(names), options.PsiBins, options.MaxDegreeOfParallelism, cancellationToken);
        return Compare(prepared, current, options, label, cancellationToken);
    }

    /// <summary>Compares <paramref name="current"/> with a prepared reference.</summary>
    public static DriftReport Compare(ReferenceSample reference, Table current, DriftOptions? options = null,
        string? label = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        options ??= new DriftOptions();
        options.Validate();
        CheckSchema(reference, current);
        CheckTests(reference, options);

        var columns = reference.Columns;
        var raw = new ColumnComparison[columns.Count];
        Parallel.For(0, columns.Count, new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism),
            CancellationToken = cancellationToken,
        }, i => raw[i] = columns[i].Accepts(current[columns[i].Name].Kind)
            ? columns[i].CompareWith(current[columns[i].Name], options)
            : BlankReference(columns[i], current[columns[i].Name]));

        // Correct the deciding p-values across every compared column (label included: it is one more test).
        var pValues = raw.Select(r => r.PValue ?? 1.0).ToArray();
        var adjusted = options.Correction is { } method && pValues.Length > 0
            ? Corrections.Adjust(pValues, method, options.Alpha).Adjusted
            : pValues;

        var results = new ColumnDrift[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var isLabel = label is not null && string.Equals(columns[i].Name, label, StringComparison.Ordinal);
            results[i] = Decide(raw[i], raw[i].PValue is null ? null : adjusted[i], options, isLabel);
        }

        var features = results.Where(r => !r.IsLabel).ToArray();
        var drifted = features.Count(r => r.Drifted);
        var share = features.Length == 0 ? 0 : (double)drifted / features.Length;
        return new DriftReport
        {
            Columns = results,
            ReferenceRows = reference.RowCount,
            CurrentRows = current.RowCount,
            DriftedCount = drifted,
            DriftedShare = share,
            DatasetDrift = features.Length > 0 && share >= options.DatasetDriftShare,
            Rule = new DriftRuleSummary
            {
                Alpha = options.Alpha,
                Correction = options.Correction?.ToString() ?? "None",
                MinWassersteinNormed = options.MinWassersteinNormed,
                MinJensenShannon = options.MinJensenShannon,
                NewCategoryShare = options.NewCategoryShare,
                DatasetDriftShare = options.DatasetDriftShare,
                PsiBins = options.PsiBins,
            },
        };
    }

    private static void CheckSchema(ReferenceSample reference, Table current)
    {
        var problems = new List<string>();
        foreach (var column in reference.Columns)
        {
            if (!current.TryGetColumn(column.Name, out var found))
            {
                problems.Add($"column '{column.Name}' is missing from the current data");
            }
            else if (column.Count > 0 && !column.Accepts(found.Kind))
            {
                problems.Add($"column '{column.Name}' is {column.Kind.ToString().ToLowerInvariant()} in the reference but {found.Kind.ToString().ToLowerInvariant()} in the current data");
            }
        }

        if (problems.Count > 0)
        {
            throw new SchemaMismatchException("The current data does not match the reference: " + string.Join("; ", problems) + ".");
        }
    }

    // Only a reference column blank in every row lets a current column of another kind through CheckSchema (a blank
    // CSV column reads as numeric, whatever the current file holds): there is nothing to compare it with.
    private static ColumnComparison BlankReference(ReferenceColumn reference, Column current) => new(new ColumnDrift
    {
        Name = reference.Name,
        Type = reference is NumericReference ? "numeric" : "categorical",
        NReference = 0,
        NCurrent = current.Length - current.MissingCount,
        MissingReference = reference.Missing,
        MissingCurrent = current.MissingCount,
    }, null, 0, "the reference column is blank in every row");

    // A requested test that is unknown or does not fit the column's kind is the caller's error: say so before any work
    // (and outside the parallel loop, so it surfaces as itself rather than inside an AggregateException).
    private static void CheckTests(ReferenceSample reference, DriftOptions options)
    {
        foreach (var column in reference.Columns)
        {
            if (options.Tests.TryGetValue(column.Name, out var requested))
            {
                options.TestRegistry.Resolve(column.Name, column.SourceKind, requested, column.Count, 0);
            }
        }
    }

    private static ColumnDrift Decide(ColumnComparison c, double? adjusted, DriftOptions options, bool isLabel)
    {
        var inv = CultureInfo.InvariantCulture;
        string reason;
        bool drifted;
        var numeric = c.Drift.Type == "numeric";
        var effect = numeric ? c.Drift.WassersteinNormed : c.Drift.JensenShannon;
        var effectName = numeric ? "W1/std" : "JS";
        var effectFloor = numeric ? options.MinWassersteinNormed : options.MinJensenShannon;
        if (c.Drift.NCurrent == 0 || c.Drift.NReference == 0)
        {
            drifted = false;
            reason = c.Drift.NCurrent == 0 ? "no non-missing current values to compare" : "no non-missing reference values to compare";
        }
        else if (c.NewCategoryShare >= options.NewCategoryShare && c.NewCategoryShare > 0)
        {
            drifted = true;
            reason = string.Format(inv, "{0:P1} of current values are categories unseen in the reference ({1})",
                c.NewCategoryShare, string.Join(", ", c.Drift.NewCategories!.Take(5)));
        }
        else if (adjusted is null)
        {
            drifted = false;
            reason = "the test could not run (" + (c.Note ?? "not enough distinct values") + ")";
        }
        else
        {
            var significant = adjusted.Value < options.Alpha;
            var large = effect is not null && effect.Value >= effectFloor;
            drifted = significant && large;
            reason = string.Format(inv, "{0} adjusted p = {1:G3} {2} {3}; {4} = {5:G3} {6} {7}",
                c.Drift.Test, adjusted.Value, significant ? "<" : "≥", options.Alpha,
                effectName, effect ?? double.NaN, large ? "≥" : "<", effectFloor);
        }

        if (c.Drift.Psi is { } psi && psi >= options.PsiWarning)
        {
            reason += string.Format(inv, "; PSI {0:G3} ≥ {1} (major shift by the usual reading)", psi, options.PsiWarning);
        }

        return c.Drift with { AdjustedPValue = adjusted, Drifted = drifted, Reason = reason, IsLabel = isLabel };
    }
}
