using System.Globalization;

namespace Vigil.Data.Tables;

/// <summary>A column of date-times with missing cells. Values keep the <see cref="DateTimeKind"/> they were parsed with.</summary>
public sealed class DateTimeColumn : Column
{
    private readonly DateTime?[] _values;

    /// <summary>Wraps <paramref name="values"/> without copying; null marks a missing cell.</summary>
    public DateTimeColumn(string name, DateTime?[] values)
        : base(name)
    {
        _values = values ?? throw new ArgumentNullException(nameof(values));
    }

    public override ColumnKind Kind => ColumnKind.DateTime;

    public override int Length => _values.Length;

    public ReadOnlySpan<DateTime?> Values => _values;

    public DateTime? this[int row] => _values[row];

    public override bool IsMissing(int row) => !_values[row].HasValue;

    /// <summary>ISO 8601 round-trip format ("o").</summary>
    public override string? FormatCell(int row) =>
        _values[row]?.ToString("o", CultureInfo.InvariantCulture);

    public override Column Take(ReadOnlySpan<int> rows)
    {
        var copy = new DateTime?[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            copy[i] = _values[rows[i]];
        }

        return new DateTimeColumn(Name, copy);
    }

    public override Column Rename(string name) => new DateTimeColumn(name, _values);
}
