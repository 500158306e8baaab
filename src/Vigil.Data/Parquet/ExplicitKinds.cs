using System.Globalization;
using Vigil.Data.Csv;
using Vigil.Data.Tables;

namespace Vigil.Data.Parquet;

/// <summary>
/// Applies an explicit schema (<see cref="CsvReadOptions.Schema"/>) to a column read from Parquet with the kind its
/// Parquet type gives. A column of another kind goes through its text, with the CSV reader's rules, so a file and its
/// CSV export give the same table: to categorical, every value as text; to numeric, text that is a number (or a
/// missing marker); to boolean, true/false, 1/0, yes/no; to date-time, ISO 8601. A value that does not fit is an
/// error naming the file, row and column.
/// </summary>
internal static class ExplicitKinds
{
    public static Column Apply(Column column, ColumnKind kind, string source)
    {
        if (column.Kind == kind)
        {
            return column;
        }

        var missing = new MissingMarkerSet(CsvReadOptions.DefaultMissingMarkers);
        var name = column.Name;
        switch (kind)
        {
            case ColumnKind.Categorical:
                return CategoricalColumn.FromValues(name, Enumerable.Range(0, column.Length).Select(column.FormatCell).ToArray());
            case ColumnKind.Numeric:
                var numbers = new double[column.Length];
                for (var r = 0; r < numbers.Length; r++)
                {
                    var text = Text(column, r, missing);
                    numbers[r] = text is null ? double.NaN
                        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || ColumnParser.TryParseInfinity(text, out d) ? d
                        : throw Mismatch(source, r, column, "a number (explicit schema says numeric)");
                }

                return new NumericColumn(name, numbers);
            case ColumnKind.Boolean:
                var flags = new bool?[column.Length];
                for (var r = 0; r < flags.Length; r++)
                {
                    var text = Text(column, r, missing);
                    flags[r] = text is null ? null
                        : ColumnParser.TryParseBoolean(text, out var b) ? b
                        : throw Mismatch(source, r, column, "true/false, 1/0 or yes/no (explicit schema says boolean)");
                }

                return new BooleanColumn(name, flags);
            case ColumnKind.DateTime:
                var dates = new DateTime?[column.Length];
                for (var r = 0; r < dates.Length; r++)
                {
                    // Only text becomes a date: a number or a boolean is none, whatever its text looks like.
                    var text = Text(column, r, missing);
                    dates[r] = text is null ? null
                        : column.Kind == ColumnKind.Categorical && ColumnParser.TryParseIsoDate(text, out var t) ? t
                        : throw Mismatch(source, r, column, "an ISO 8601 date such as 2024-01-31 or 2024-01-31T12:00:00Z (explicit schema says date-time)");
                }

                return new DateTimeColumn(name, dates);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind.");
        }
    }

    // Text cells follow the CSV rules (a missing marker is missing); typed cells are their invariant text.
    private static string? Text(Column column, int row, MissingMarkerSet missing)
    {
        var text = column.FormatCell(row);
        return text is not null && column.Kind == ColumnKind.Categorical && missing.IsMissing(text) ? null : text;
    }

    private static ParquetFormatException Mismatch(string source, int row, Column column, string expected) =>
        new(source, row + 1, column.Name, expected,
            $"{CsvFormatException.Quote(column.FormatCell(row))} (a {Describe(column.Kind)} column in the file)");

    private static string Describe(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "numeric",
        ColumnKind.Categorical => "string",
        ColumnKind.Boolean => "boolean",
        _ => "date-time",
    };
}
