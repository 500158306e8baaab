using Vigil.Data.Synthetic;
using Vigil.Data.Tables;

namespace Vigil.Data.Synthetic;

/// <summary>
/// Concept drift: the label rule changes while every feature column stays exactly as it was (same arrays), so
/// feature-distribution checks see nothing and only label-aware checks can notice. See <see cref="ConceptChange"/>
/// for the rules. Missing labels stay missing.
/// </summary>
public static class ConceptDrift
{
    /// <summary>Returns a new table with the label column relabelled under <paramref name="options"/>.</summary>
    public static Table Apply(Table table, ConceptDriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var label = table[options.LabelColumn];
        var features = (options.Features ?? table.Columns
                .Where(c => c.Kind == ColumnKind.Numeric && c.Name != options.LabelColumn)
                .Select(c => c.Name).ToArray())
            .Select(name => DriftInputs.Numeric(table, name))
            .ToArray();
        if (features.Length == 0)
        {
            throw new ArgumentException("Concept drift needs at least one numeric feature column.", nameof(options));
        }

        var random = new GaussianSampler(options.Seed);
        var rows = DriftInputs.ChooseRows(table.RowCount, options.Fraction, random.Random);
        var (values, classes) = LabelValues(label, options.Task);
        var changed = (double[])values.Clone();
        if (options.Change == ConceptChange.NewTeacher)
        {
            var score = TeacherScore(features, random);
            var relabelled = options.Task == LabelTask.Classification ? ByQuantiles(score, values, classes) : Rescaled(score, values);
            foreach (var r in rows)
            {
                changed[r] = double.IsNaN(values[r]) ? double.NaN : relabelled[r];
            }
        }
        else
        {
            var region = options.RegionFeature is null ? features[0] : DriftInputs.Numeric(table, options.RegionFeature);
            var median = Median(region.Values);
            var mean = DriftInputs.Moments(values).Mean;
            foreach (var r in rows)
            {
                if (region[r] > median && !double.IsNaN(values[r]))
                {
                    changed[r] = options.Task == LabelTask.Classification ? classes - 1 - values[r] : (2 * mean) - values[r];
                }
            }
        }

        return table.WithColumn(label is CategoricalColumn c
            ? new CategoricalColumn(c.Name, changed.Select(v => double.IsNaN(v) ? CategoricalColumn.MissingCode : (int)v).ToArray(), c.Categories.ToArray())
            : new NumericColumn(label.Name, changed));
    }

    /// <summary>The label as doubles (NaN missing) and, for classes, the class count.</summary>
    private static (double[] Values, int Classes) LabelValues(Column label, LabelTask task)
    {
        if (task == LabelTask.Regression)
        {
            return label is NumericColumn n
                ? (n.Values.ToArray(), 0)
                : throw new ArgumentException($"A regression label must be numeric; '{label.Name}' is {label.Kind}.", nameof(label));
        }

        switch (label)
        {
            case CategoricalColumn c:
                return (c.Codes.ToArray().Select(code => code < 0 ? double.NaN : code).ToArray(), c.Categories.Count);
            case NumericColumn n:
                var values = n.Values.ToArray();
                var max = 0.0;
                foreach (var v in values)
                {
                    if (double.IsNaN(v))
                    {
                        continue;
                    }

                    if (v < 0 || v != Math.Floor(v) || v > int.MaxValue)
                    {
                        throw new ArgumentException($"Class label '{label.Name}' must hold class indices 0, 1, 2, ...; found {v}.", nameof(label));
                    }

                    max = Math.Max(max, v);
                }

                return (values, (int)max + 1);
            default:
                throw new ArgumentException($"A class label must be numeric class indices or categorical; '{label.Name}' is {label.Kind}.", nameof(label));
        }
    }

    /// <summary>Random unit-variance direction through the standardized features; missing features count as the mean.</summary>
    private static double[] TeacherScore(NumericColumn[] features, GaussianSampler random)
    {
        var score = new double[features[0].Length];
        foreach (var f in features)
        {
            var (mean, _) = DriftInputs.Moments(f.Values);
            var scale = DriftInputs.ScaleOf(f.Values);
            var w = random.Next();
            var values = f.Values;
            for (var i = 0; i < score.Length; i++)
            {
                if (!double.IsNaN(values[i]))
                {
                    score[i] += w * (values[i] - mean) / scale;
                }
            }
        }

        return score;
    }

    /// <summary>Class by score rank, cut at the cumulative class shares of the current labels.</summary>
    private static double[] ByQuantiles(double[] score, double[] labels, int classes)
    {
        var counts = new double[classes];
        var known = 0;
        foreach (var v in labels)
        {
            if (!double.IsNaN(v))
            {
                counts[(int)v]++;
                known++;
            }
        }

        var order = Enumerable.Range(0, score.Length).OrderBy(i => score[i]).ThenBy(i => i).ToArray();
        var result = new double[score.Length];
        var cls = 0;
        var upTo = known == 0 ? score.Length : counts[0] / known * score.Length;
        for (var rank = 0; rank < order.Length; rank++)
        {
            while (rank >= upTo && cls < classes - 1)
            {
                cls++;
                upTo += counts[cls] / known * score.Length;
            }

            result[order[rank]] = cls;
        }

        return result;
    }

    /// <summary>The score standardized, then given the label's mean and standard deviation.</summary>
    private static double[] Rescaled(double[] score, double[] labels)
    {
        var (labelMean, labelStd) = DriftInputs.Moments(labels);
        var (scoreMean, _) = DriftInputs.Moments(score);
        var scoreScale = DriftInputs.ScaleOf(score);
        return score.Select(s => labelMean + (labelStd * (s - scoreMean) / scoreScale)).ToArray();
    }

    private static double Median(ReadOnlySpan<double> values)
    {
        var known = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                known.Add(v);
            }
        }

        if (known.Count == 0)
        {
            return double.NaN;
        }

        known.Sort();
        var mid = known.Count / 2;
        return known.Count % 2 == 1 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
    }
}
