using System.Globalization;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// The float rows a DLE model reads: the feature columns as <see cref="DleFeature"/> describes them, then the
/// monitored model's prediction. Independent of the monitored model's own featurizer, so any model that gives
/// predictions can be estimated. A column the window lacks is all missing (and noted by the caller).
/// </summary>
internal static class DleRows
{
    /// <summary>The features of a holdout table: numeric and date-time columns as numbers, the rest as categories.</summary>
    public static IReadOnlyList<DleFeature> Describe(Table table, string? label)
    {
        var features = new List<DleFeature>();
        foreach (var column in table.Columns)
        {
            if (string.Equals(column.Name, label, StringComparison.Ordinal))
            {
                continue;
            }

            features.Add(column is NumericColumn or DateTimeColumn
                ? new DleFeature(column.Name)
                : new DleFeature(column.Name, Enumerable.Range(0, column.Length).Select(column.FormatCell).OfType<string>()
                    .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()));
        }

        return features;
    }

    public static float[][] Build(Table table, IReadOnlyList<DleFeature> features, IReadOnlyList<double> predicted, List<string>? missingColumns = null)
    {
        var n = predicted.Count;
        var width = features.Count + 1;
        var rows = new float[n][];
        for (var i = 0; i < n; i++)
        {
            rows[i] = new float[width];
            rows[i][features.Count] = (float)predicted[i];
        }

        for (var f = 0; f < features.Count; f++)
        {
            var feature = features[f];
            if (!table.TryGetColumn(feature.Name, out var column) || column.Length != n)
            {
                missingColumns?.Add(feature.Name);
                for (var i = 0; i < n; i++)
                {
                    rows[i][f] = float.NaN;
                }

                continue;
            }

            var codes = feature.Categories is null ? null : Codes(feature.Categories);
            for (var i = 0; i < n; i++)
            {
                rows[i][f] = codes is null ? Number(column, i) : Code(column, i, codes);
            }
        }

        return rows;
    }

    private static Dictionary<string, int> Codes(IReadOnlyList<string> categories)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < categories.Count; k++)
        {
            codes[categories[k]] = k;
        }

        return codes;
    }

    private static float Code(Column column, int row, Dictionary<string, int> codes) =>
        column.FormatCell(row) is { } text && codes.TryGetValue(text, out var code) ? code : float.NaN;

    // Numbers as they are; date-times as seconds since the Unix epoch; other text parsed if it is a number.
    private static float Number(Column column, int row) => column switch
    {
        NumericColumn numeric => (float)numeric[row],
        DateTimeColumn dates => dates.Values[row] is { } t ? (float)(t - DateTime.UnixEpoch).TotalSeconds : float.NaN,
        BooleanColumn flags => flags[row] is { } b ? (b ? 1 : 0) : float.NaN,
        _ => column.FormatCell(row) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? (float)v : float.NaN,
    };
}
