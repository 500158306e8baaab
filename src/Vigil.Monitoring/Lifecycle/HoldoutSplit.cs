using Vigil.Data.Tables;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>Splits a labelled table into a training part and a holdout the model never trains on.</summary>
public static class HoldoutSplit
{
    /// <summary>
    /// A seeded split with <paramref name="fraction"/> of the rows in the holdout. Classification labels are
    /// stratified (each class keeps its share in both parts); with <paramref name="latest"/> the holdout is the last
    /// rows instead, which is the fresher test for time-ordered data.
    /// </summary>
    public static (Table Train, Table Holdout) Split(Table data, string label, double fraction, int seed, bool stratify, bool latest = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The holdout fraction must be in (0, 1).");
        }

        var n = data.RowCount;
        var holdoutCount = Math.Clamp((int)Math.Round(n * fraction), 1, n - 1);
        if (latest)
        {
            return (data.Slice(0, n - holdoutCount), data.Slice(n - holdoutCount, holdoutCount));
        }

        var random = new Random(seed);
        var inHoldout = new bool[n];
        if (stratify && data.TryGetColumn(label, out var column))
        {
            // Group rows by label text, then take the same share of each group.
            var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                var key = column.FormatCell(i) ?? "";
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }

                list.Add(i);
            }

            foreach (var key in groups.Keys.Order(StringComparer.Ordinal))
            {
                var rows = groups[key].ToArray();
                random.Shuffle(rows);
                var take = (int)Math.Round(rows.Length * fraction);
                if (rows.Length >= 2)
                {
                    take = Math.Clamp(take, 1, rows.Length - 1);
                }

                for (var j = 0; j < take; j++)
                {
                    inHoldout[rows[j]] = true;
                }
            }
        }
        else
        {
            var rows = Enumerable.Range(0, n).ToArray();
            random.Shuffle(rows);
            for (var j = 0; j < holdoutCount; j++)
            {
                inHoldout[rows[j]] = true;
            }
        }

        var trainMask = inHoldout.Select(h => !h).ToArray();
        return (data.Filter(trainMask), data.Filter(inHoldout));
    }
}
