using System.Globalization;
using Vigil.Data.Tables;

namespace Vigil.AutoML.Featurization;

/// <summary>
/// Class names in index order for classification (sorted: numerically for numeric labels, ordinally for text),
/// empty for regression. For binary tasks index 1 is the positive class.
/// </summary>
public sealed record LabelMapping(string LabelColumn, AutoMLTask Task, IReadOnlyList<string> Classes)
{
    /// <summary>Numeric labels with at most this many distinct integer values count as classification under Auto.</summary>
    public const int MaxAutoClasses = 20;

    public int ClassCount => Classes.Count;

    /// <summary>Decides the task (when Auto), validates the label and builds the mapping.</summary>
    public static LabelMapping Create(Column label, AutoMLTask requested)
    {
        ArgumentNullException.ThrowIfNull(label);
        var missing = label.MissingCount;
        if (missing > 0)
        {
            throw new AutoMLException(
                AutoMLErrorCode.MissingLabelValues,
                $"Label column '{label.Name}' has {missing} missing value(s); remove those rows before training.");
        }

        var classes = DistinctClasses(label, out var numericLabel);
        var task = requested;
        if (task == AutoMLTask.Auto)
        {
            var integral = label is NumericColumn n && n.Values.ToArray().All(v => Math.Abs(v - Math.Round(v)) < 1e-9);
            task = !numericLabel || (integral && classes.Count <= MaxAutoClasses)
                ? (classes.Count == 2 ? AutoMLTask.Binary : AutoMLTask.Multiclass)
                : AutoMLTask.Regression;
        }

        if (task == AutoMLTask.Regression)
        {
            if (!numericLabel)
            {
                throw new AutoMLException(AutoMLErrorCode.InvalidOptions, $"Regression needs a numeric label; '{label.Name}' is {label.Kind}.");
            }

            if (classes.Count < 2)
            {
                throw new AutoMLException(AutoMLErrorCode.SingleClassLabel, $"Label column '{label.Name}' is constant; nothing to learn.");
            }

            return new LabelMapping(label.Name, task, []);
        }

        if (classes.Count < 2)
        {
            throw new AutoMLException(
                AutoMLErrorCode.SingleClassLabel,
                $"Label column '{label.Name}' has a single class ('{classes.FirstOrDefault()}'); classification needs at least two.");
        }

        if (task == AutoMLTask.Binary && classes.Count != 2)
        {
            throw new AutoMLException(AutoMLErrorCode.InvalidOptions, $"Binary classification needs exactly 2 classes; '{label.Name}' has {classes.Count}.");
        }

        return new LabelMapping(label.Name, task, classes);
    }

    /// <summary>Class index per row (-1 for a class unseen in training or a missing cell).</summary>
    public int[] EncodeClasses(Column label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Classes.Count; i++)
        {
            lookup[Classes[i]] = i;
        }

        var result = new int[label.Length];
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = Text(label, r) is { } t && lookup.TryGetValue(t, out var k) ? k : -1;
        }

        return result;
    }

    /// <summary>Regression targets (NaN where missing or not numeric).</summary>
    public static double[] EncodeTargets(Column label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var result = new double[label.Length];
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = label is NumericColumn n ? n[r] : Featurizer.ParseOrNaN(label.FormatCell(r));
        }

        return result;
    }

    private static List<string> DistinctClasses(Column label, out bool numeric)
    {
        numeric = label is NumericColumn;
        if (label is NumericColumn n)
        {
            var values = n.Values.ToArray().Distinct().ToList();
            values.Sort();
            return values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToList();
        }

        var set = new SortedSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < label.Length; r++)
        {
            if (Text(label, r) is { } t)
            {
                set.Add(t);
            }
        }

        return set.ToList();
    }

    private static string? Text(Column label, int row) => label is NumericColumn n
        ? (double.IsNaN(n[row]) ? null : n[row].ToString("R", CultureInfo.InvariantCulture))
        : label.FormatCell(row);
}
