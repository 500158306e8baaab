using Vigil.Data.Tables;

namespace Vigil.Monitoring.Profiles;

/// <summary>
/// One feature of a <see cref="ReferenceRowSample"/>, row-aligned with the others: numbers (NaN for a missing or
/// non-finite cell) for a numeric feature, or codes into <see cref="Categories"/> (−1 for missing) for a categorical or
/// boolean one (booleans as "true"/"false").
/// </summary>
public sealed record RowSampleColumn
{
    /// <summary>Feature name.</summary>
    public required string Name { get; init; }

    /// <summary><see cref="ColumnKind.Numeric"/> or <see cref="ColumnKind.Categorical"/> (booleans are kept as categories).</summary>
    public required ColumnKind Kind { get; init; }

    /// <summary>The values of a numeric feature, one per sampled row.</summary>
    public IReadOnlyList<double>? Numbers { get; init; }

    /// <summary>The codes of a categorical feature, one per sampled row.</summary>
    public IReadOnlyList<int>? Codes { get; init; }

    /// <summary>The categories the codes point into.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>The column as a table column (throws <see cref="InvalidDataException"/> when the stored shape is inconsistent).</summary>
    internal Column ToColumn(int rows)
    {
        if (Kind == ColumnKind.Numeric && Numbers is { } numbers && numbers.Count == rows)
        {
            return new NumericColumn(Name, [.. numbers]);
        }

        if (Kind == ColumnKind.Categorical && Codes is { } codes && Categories is { } categories && codes.Count == rows
            && codes.All(c => c >= CategoricalColumn.MissingCode && c < categories.Count))
        {
            return new CategoricalColumn(Name, [.. codes], [.. categories]);
        }

        throw new InvalidDataException($"The profile's row sample holds an inconsistent column '{Name}' ({Kind}, expected {rows} values).");
    }
}
