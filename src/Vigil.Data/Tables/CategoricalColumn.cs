namespace Vigil.Data.Tables;

/// <summary>
/// A column of strings stored as codes into <see cref="Categories"/>; code -1 marks a missing cell.
/// Categories are kept in order of first appearance unless the builder says otherwise.
/// </summary>
public sealed class CategoricalColumn : Column
{
    /// <summary>The code of a missing cell.</summary>
    public const int MissingCode = -1;

    private readonly int[] _codes;
    private readonly string[] _categories;

    /// <summary>Wraps codes and categories without copying. Every code must be -1 or a valid index into categories.</summary>
    public CategoricalColumn(string name, int[] codes, string[] categories)
        : base(name)
    {
        _codes = codes ?? throw new ArgumentNullException(nameof(codes));
        _categories = categories ?? throw new ArgumentNullException(nameof(categories));
        foreach (var c in codes)
        {
            if (c < MissingCode || c >= categories.Length)
            {
                throw new ArgumentException($"Code {c} is outside the {categories.Length} categories of column '{name}'.", nameof(codes));
            }
        }
    }

    /// <summary>Builds a column from strings; null marks a missing cell.</summary>
    public static CategoricalColumn FromValues(string name, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new List<string>();
        var codes = new int[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (v is null)
            {
                codes[i] = MissingCode;
                continue;
            }

            if (!lookup.TryGetValue(v, out var code))
            {
                code = categories.Count;
                lookup.Add(v, code);
                categories.Add(v);
            }

            codes[i] = code;
        }

        return new CategoricalColumn(name, codes, categories.ToArray());
    }

    public override ColumnKind Kind => ColumnKind.Categorical;

    public override int Length => _codes.Length;

    /// <summary>Codes per row, -1 where missing.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The dictionary: category text by code.</summary>
    public IReadOnlyList<string> Categories => _categories;

    /// <summary>The category at <paramref name="row"/>, or null when missing.</summary>
    public string? this[int row] => _codes[row] < 0 ? null : _categories[_codes[row]];

    public override bool IsMissing(int row) => _codes[row] < 0;

    public override string? FormatCell(int row) => this[row];

    /// <summary>Count of each category (indexed by code) over non-missing rows.</summary>
    public int[] CategoryCounts()
    {
        var counts = new int[_categories.Length];
        foreach (var c in _codes)
        {
            if (c >= 0)
            {
                counts[c]++;
            }
        }

        return counts;
    }

    public override Column Take(ReadOnlySpan<int> rows)
    {
        var copy = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            copy[i] = _codes[rows[i]];
        }

        return new CategoricalColumn(Name, copy, _categories);
    }

    public override Column Rename(string name) => new CategoricalColumn(name, _codes, _categories);
}
