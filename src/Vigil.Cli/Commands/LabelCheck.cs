using System.Globalization;
using Vigil.AutoML;
using Vigil.AutoML.Bundles;
using Vigil.Data.Csv;
using Vigil.Data.Tables;

namespace Vigil.Cli.Commands;

/// <summary>
/// Checks a labelled CSV's label column before the rows reach AutoML, whose own messages know rows but not files:
/// here a bad label is reported with the file and line (#20 item 10).
/// </summary>
internal static class LabelCheck
{
    /// <summary>For training: the label column exists and no row lacks a label.</summary>
    public static void RequireLabels(LocatedTable data, string label)
    {
        var column = Column(data, label);
        if (column.MissingCount > 0)
        {
            var row = FirstRow(column, column.IsMissing);
            throw data.ValueError(row, label, "a label on every training row",
                $"a missing value ({column.MissingCount} of {column.Length} rows have none; remove them before training)");
        }
    }

    /// <summary>For scoring labelled rows: every label is one the model knows (classification) or a number (regression).</summary>
    public static void RequireKnownLabels(LocatedTable data, ModelBundle bundle)
    {
        var label = bundle.Labels.LabelColumn;
        var column = Column(data, label);
        if (bundle.Task == AutoMLTask.Regression)
        {
            var bad = column is NumericColumn n
                ? FirstRow(column, r => double.IsNaN(n.Values[r]))
                : FirstRow(column, r => !double.TryParse(column.FormatCell(r), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            if (bad >= 0)
            {
                throw data.ValueError(bad, label, "a numeric label (the model is a regression)", LocatedTable.Cell(column, bad));
            }

            return;
        }

        var unknown = Array.IndexOf(bundle.Labels.EncodeClasses(column), -1);
        if (unknown >= 0)
        {
            throw data.ValueError(unknown, label, $"one of the training classes ({string.Join(", ", bundle.Labels.Classes)})", LocatedTable.Cell(column, unknown));
        }
    }

    private static Column Column(LocatedTable data, string label) =>
        data.Table.Contains(label)
            ? data.Table[label]
            : throw data.FileError($"a label column named '{label}'",
                $"only {string.Join(", ", data.Table.ColumnNames.Select(n => $"'{n}'"))}");

    private static int FirstRow(Column column, Func<int, bool> bad)
    {
        for (var row = 0; row < column.Length; row++)
        {
            if (bad(row))
            {
                return row;
            }
        }

        return -1;
    }
}
