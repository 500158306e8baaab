using System.Globalization;

namespace Vigil.Data.Tables;

/// <summary>A column of doubles; <see cref="double.NaN"/> marks a missing cell. Infinities are values, not missing.</summary>
public sealed class NumericColumn : Column
{
    private readonly double[] _values;

    /// <summary>Wraps <paramref name="values"/> without copying; the caller must not change the array afterwards.</summary>
    public NumericColumn(string name, double[] values)
        : base(name)
    {
        _values = values ?? throw new ArgumentNullException(nameof(values));
    }

    public override ColumnKind Kind => ColumnKind.Numeric;

    public override int Length => _values.Length;

    /// <summary>The values, NaN where missing.</summary>
    public ReadOnlySpan<double> Values => _values;

    public double this[int row] => _values[row];

    public override bool IsMissing(int row) => double.IsNaN(_values[row]);

    public override string? FormatCell(int row) =>
        double.IsNaN(_values[row]) ? null : _values[row].ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The non-missing values, in row order (a new array).</summary>
    public double[] NonMissing()
    {
        var result = new List<double>(_values.Length);
        foreach (var v in _values)
        {
            if (!double.IsNaN(v))
            {
                result.Add(v);
            }
        }

        return result.ToArray();
    }

    public override Column Take(ReadOnlySpan<int> rows)
    {
        var copy = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            copy[i] = _values[rows[i]];
        }

        return new NumericColumn(Name, copy);
    }

    public override Column Rename(string name) => new NumericColumn(name, _values);
}
