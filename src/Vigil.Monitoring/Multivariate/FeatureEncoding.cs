using Vigil.Data.Tables;

namespace Vigil.Monitoring.Multivariate;

/// <summary>
/// How the multivariate methods see a row, fixed by the reference: a numeric feature is its value (missing and
/// ±Infinity: NaN); a categorical or boolean feature is, for the classifier, a category code (reference categories in
/// ordinal order, then unseen ones in order of appearance; LightGBM splits them as categories), and for PCA the
/// category's share in the reference rows (unseen: 0) — NannyML's frequency encoding. Missing categories are NaN.
/// </summary>
internal sealed class FeatureEncoding
{
    private readonly Feature[] _features;

    private FeatureEncoding(Feature[] features) => _features = features;

    public int Width => _features.Length;

    public IReadOnlyList<string> Names => _features.Select(f => f.Name).ToArray();

    /// <summary>Indices of the features LightGBM should split as categories.</summary>
    public IReadOnlyList<int> Categorical => Enumerable.Range(0, _features.Length).Where(i => _features[i].Codes is not null).ToArray();

    /// <summary>The encoding of <paramref name="names"/> as <paramref name="reference"/> holds them.</summary>
    public static FeatureEncoding Of(Table reference, IReadOnlyList<string> names)
    {
        var features = new Feature[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var column = reference[names[i]];
            if (column is NumericColumn)
            {
                features[i] = new Feature(column.Name, null, null);
                continue;
            }

            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            for (var r = 0; r < column.Length; r++)
            {
                if (column.FormatCell(r) is { } text)
                {
                    counts[text] = counts.GetValueOrDefault(text) + 1;
                }
            }

            var codes = new Dictionary<string, int>(StringComparer.Ordinal);
            var shares = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (text, count) in counts)
            {
                codes[text] = codes.Count;
                shares[text] = (double)count / column.Length;
            }

            features[i] = new Feature(column.Name, codes, shares);
        }

        return new FeatureEncoding(features);
    }

    /// <summary>
    /// Writes <paramref name="rows"/> of <paramref name="table"/> into <paramref name="matrix"/> (row-major, from row
    /// <paramref name="offset"/>) as the classifier reads them. <paramref name="unseen"/> numbers unseen categories per
    /// feature, shared across calls so the reference and the window agree.
    /// </summary>
    public void WriteClassifierRows(Table table, int[] rows, float[] matrix, int offset, Dictionary<string, int>[] unseen)
    {
        var width = _features.Length;
        for (var j = 0; j < width; j++)
        {
            var feature = _features[j];
            var column = table[feature.Name];
            for (var i = 0; i < rows.Length; i++)
            {
                float value;
                if (feature.Codes is null)
                {
                    var v = ((NumericColumn)column)[rows[i]];
                    value = double.IsFinite(v) && Math.Abs(v) <= float.MaxValue ? (float)v : float.NaN;
                }
                else if (column.FormatCell(rows[i]) is not { } text)
                {
                    value = float.NaN;
                }
                else if (feature.Codes.TryGetValue(text, out var code))
                {
                    value = code;
                }
                else
                {
                    var extra = unseen[j];
                    if (!extra.TryGetValue(text, out code))
                    {
                        code = feature.Codes.Count + extra.Count;
                        extra[text] = code;
                    }

                    value = code;
                }

                matrix[((long)(offset + i) * width) + j] = value;
            }
        }
    }

    /// <summary>Every row of <paramref name="table"/> as PCA reads it (before standardisation).</summary>
    public double[][] PcaRows(Table table, int[]? rows = null)
    {
        var count = rows?.Length ?? table.RowCount;
        var result = new double[count][];
        for (var i = 0; i < count; i++)
        {
            result[i] = new double[_features.Length];
        }

        for (var j = 0; j < _features.Length; j++)
        {
            var feature = _features[j];
            var column = table[feature.Name];
            for (var i = 0; i < count; i++)
            {
                var r = rows?[i] ?? i;
                if (feature.Shares is null)
                {
                    var v = ((NumericColumn)column)[r];
                    result[i][j] = double.IsFinite(v) ? v : double.NaN;
                }
                else
                {
                    result[i][j] = column.FormatCell(r) is { } text ? feature.Shares.GetValueOrDefault(text) : double.NaN;
                }
            }
        }

        return result;
    }

    private sealed record Feature(string Name, Dictionary<string, int>? Codes, Dictionary<string, double>? Shares);
}
