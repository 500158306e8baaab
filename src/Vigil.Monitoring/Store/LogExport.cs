using System.Globalization;
using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Store;

/// <summary>
/// Logged rows as the table an outside pipeline retrains from (<c>vigil export</c>): <c>id</c>, <c>timestamp</c> (UTC),
/// the champion's feature columns in its schema's order, the label column (under its own name; missing where no label
/// has arrived), <c>prediction</c>, <c>score</c> and <c>model_version</c>. Features keep the kinds the profile gives
/// them (numeric, categorical, boolean, date-time); a feature the rows never logged is all missing. When a feature
/// is itself called <c>id</c>, <c>prediction</c> … the added column takes a suffix (<c>prediction_2</c>), so the
/// features keep the names the model knows.
/// </summary>
public static class LogExport
{
    /// <summary>The table of <paramref name="rows"/> (oldest first, as the store returns them).</summary>
    public static Table ToTable(IReadOnlyList<LoggedRow> rows, ReferenceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(profile);
        var kinds = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        foreach (var column in profile.Columns)
        {
            kinds[column.Name] = column.Kind switch
            {
                ColumnKind.Boolean => ColumnKind.Boolean,
                _ when column.ComparedAsCategorical => ColumnKind.Categorical,
                ColumnKind.DateTime => ColumnKind.DateTime,
                _ => ColumnKind.Numeric,
            };
        }

        var data = LoggedRowTable.ToTable(rows, kinds, profile.Label);
        var taken = new HashSet<string>(data.ColumnNames, StringComparer.Ordinal);
        var columns = new List<Column>
        {
            CategoricalColumn.FromValues(Unique("id", taken), rows.Select(r => (string?)r.Id).ToArray()),
            new DateTimeColumn(Unique("timestamp", taken), rows.Select(r => (DateTime?)r.Timestamp.UtcDateTime).ToArray()),
        };
        columns.AddRange(data.Columns);
        columns.Add(Predictions(Unique("prediction", taken), rows, IsRegression(profile)));
        columns.Add(new NumericColumn(Unique("score", taken), rows.Select(r => r.Score ?? double.NaN).ToArray()));
        columns.Add(new NumericColumn(Unique("model_version", taken), rows.Select(r => r.ModelVersion is { } v ? v : double.NaN).ToArray()));
        return new Table(columns);
    }

    // Profiles written before the task was recorded say it through the label: numbers mean a regression.
    private static bool IsRegression(ReferenceProfile profile) =>
        profile.Task == AutoMLTask.Regression
        || (profile.Task is null && profile.Label is { } label && profile.Find(label) is { ComparedAsCategorical: false });

    // A regression's predictions are numbers (logged as invariant text); a classifier's are class names.
    private static Column Predictions(string name, IReadOnlyList<LoggedRow> rows, bool regression) =>
        regression
            ? new NumericColumn(name, rows.Select(r => double.TryParse(r.Prediction, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray())
            : CategoricalColumn.FromValues(name, rows.Select(r => (string?)r.Prediction).ToArray());

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + "_" + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
