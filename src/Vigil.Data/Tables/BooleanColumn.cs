namespace Vigil.Data.Tables;

/// <summary>A column of true/false values with missing cells.</summary>
public sealed class BooleanColumn : Column
{
    private readonly bool?[] _values;

    /// <summary>Wraps <paramref name="values"/> without copying; null marks a missing cell.</summary>
    public BooleanColumn(string name, bool?[] values)
        : base(name)
    {
        _values = values ?? throw new ArgumentNullException(nameof(values));
    }

    public override ColumnKind Kind => ColumnKind.Boolean;

    public override int Length => _values.Length;

    public ReadOnlySpan<bool?> Values => _values;

    public bool? this[int row] => _values[row];

    public override bool IsMissing(int row) => !_values[row].HasValue;

    public override string? FormatCell(int row) => _values[row] switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    public override Column Take(ReadOnlySpan<int> rows)
    {
        var copy = new bool?[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            copy[i] = _values[rows[i]];
        }

        return new BooleanColumn(Name, copy);
    }

    public override Column Rename(string name) => new BooleanColumn(name, _values);
}
