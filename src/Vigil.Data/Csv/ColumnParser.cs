using System.Globalization;
using Vigil.Data.Tables;

namespace Vigil.Data.Csv;

/// <summary>
/// Turns one buffered column into a typed <see cref="Column"/>: the explicit kind when the schema names it,
/// otherwise Numeric when every non-missing cell parses as a number (an all-missing column included), DateTime when
/// every non-missing cell is an ISO 8601 date or date-time, and Categorical otherwise.
/// </summary>
internal sealed class ColumnParser
{
    private readonly string _source;
    private readonly int[] _lines;
    private readonly MissingMarkerSet _missing;

    /// <param name="source">File path or source name, for error messages.</param>
    /// <param name="lines">The physical line each data row starts on.</param>
    /// <param name="missing">Markers meaning "missing".</param>
    public ColumnParser(string source, int[] lines, MissingMarkerSet missing)
    {
        _source = source;
        _lines = lines;
        _missing = missing;
    }

    /// <summary>Builds the column; <paramref name="field"/> is the 1-based field index in the file.</summary>
    public Column Parse(string name, int field, ColumnBuffer cells, ColumnKind? explicitKind) => explicitKind switch
    {
        null => (Column?)TryNumeric(name, cells, field, strict: false) ?? (Column?)TryIsoDates(name, cells) ?? Categorical(name, cells),
        ColumnKind.Numeric => TryNumeric(name, cells, field, strict: true)!,
        ColumnKind.Categorical => Categorical(name, cells),
        ColumnKind.Boolean => Boolean(name, cells, field),
        ColumnKind.DateTime => DateTimes(name, cells, field),
        _ => throw new ArgumentOutOfRangeException(nameof(explicitKind), explicitKind, "Unknown column kind."),
    };

    /// <summary>Parses true/false, 1/0 and yes/no in any letter case.</summary>
    internal static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        var t = text.Trim();
        if (t.Equals("true", StringComparison.OrdinalIgnoreCase) || t.Equals("1", StringComparison.Ordinal)
            || t.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return t.Equals("false", StringComparison.OrdinalIgnoreCase) || t.Equals("0", StringComparison.Ordinal)
            || t.Equals("no", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Parses an ISO 8601 date or date-time (<c>yyyy-MM-dd</c>, optionally <c>T</c> or space and a time, optionally
    /// <c>Z</c> or an offset). With a zone the result is converted to UTC (<see cref="DateTimeKind.Utc"/>);
    /// without one it is <see cref="DateTimeKind.Unspecified"/>.
    /// </summary>
    internal static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        var t = text.Trim();
        if (t.Length < 10 || !char.IsAsciiDigit(t[0]) || !char.IsAsciiDigit(t[3]) || t[4] != '-' || t[7] != '-'
            || (t.Length > 10 && t[10] != 'T' && t[10] != ' '))
        {
            return false;
        }

        var hasZone = t.Length > 10 && t[11..].IndexOfAny("Zz+-") >= 0;
        if (hasZone)
        {
            if (!DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto))
            {
                return false;
            }

            value = dto.UtcDateTime;
            return true;
        }

        return DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private NumericColumn? TryNumeric(string name, ColumnBuffer cells, int field, bool strict)
    {
        var values = new double[cells.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var cell = cells[i];
            if (_missing.IsMissing(cell))
            {
                values[i] = double.NaN;
            }
            else if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && !TryParseInfinity(cell, out values[i]))
            {
                return strict ? throw Mismatch(name, field, i, cell, "a number (explicit schema says numeric)") : null;
            }
        }

        return new NumericColumn(name, values);
    }

    /// <summary>
    /// NumPy and pandas write infinities as <c>inf</c> / <c>-inf</c>, which .NET does not parse (it reads
    /// <c>Infinity</c>); without this a numeric column holding one infinity would be read as categorical.
    /// </summary>
    internal static bool TryParseInfinity(ReadOnlySpan<char> text, out double value)
    {
        var t = text.Trim();
        var sign = 1.0;
        if (t.Length > 0 && (t[0] == '-' || t[0] == '+'))
        {
            sign = t[0] == '-' ? -1 : 1;
            t = t[1..];
        }

        var infinite = t.Equals("inf", StringComparison.OrdinalIgnoreCase) || t.Equals("infinity", StringComparison.OrdinalIgnoreCase);
        value = infinite ? sign * double.PositiveInfinity : 0;
        return infinite;
    }

    private CategoricalColumn Categorical(string name, ColumnBuffer cells)
    {
        var codes = new int[cells.Count];
        var categories = new List<string>();
        var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < codes.Length; i++)
        {
            var cell = cells[i];
            if (_missing.IsMissing(cell))
            {
                codes[i] = CategoricalColumn.MissingCode;
            }
            else if (!lookup.TryGetValue(cell, out codes[i]))
            {
                codes[i] = categories.Count;
                var text = cell.ToString();
                dictionary.Add(text, codes[i]);
                categories.Add(text);
            }
        }

        return new CategoricalColumn(name, codes, categories.ToArray());
    }

    private BooleanColumn Boolean(string name, ColumnBuffer cells, int field)
    {
        var values = new bool?[cells.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var cell = cells[i];
            if (_missing.IsMissing(cell))
            {
                continue;
            }

            values[i] = TryParseBoolean(cell, out var b)
                ? b
                : throw Mismatch(name, field, i, cell, "true/false, 1/0 or yes/no (explicit schema says boolean)");
        }

        return new BooleanColumn(name, values);
    }

    /// <summary>A date-time column when every non-missing cell is an ISO 8601 date or date-time; null otherwise.</summary>
    private DateTimeColumn? TryIsoDates(string name, ColumnBuffer cells)
    {
        var values = new DateTime?[cells.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var cell = cells[i];
            if (_missing.IsMissing(cell))
            {
                continue;
            }

            if (!TryParseIsoDate(cell, out var d))
            {
                return null;
            }

            values[i] = d;
        }

        return new DateTimeColumn(name, values);
    }

    private DateTimeColumn DateTimes(string name, ColumnBuffer cells, int field)
    {
        var values = new DateTime?[cells.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var cell = cells[i];
            if (_missing.IsMissing(cell))
            {
                continue;
            }

            values[i] = TryParseIsoDate(cell, out var d)
                ? d
                : throw Mismatch(name, field, i, cell, "an ISO 8601 date such as 2024-01-31 or 2024-01-31T12:00:00Z (explicit schema says date-time)");
        }

        return new DateTimeColumn(name, values);
    }

    private CsvFormatException Mismatch(string name, int field, int row, ReadOnlySpan<char> cell, string expected) =>
        new(_source, _lines[row], field, name, expected, CsvFormatException.Quote(cell));
}
