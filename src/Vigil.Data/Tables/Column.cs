namespace Vigil.Data.Tables;

/// <summary>
/// One immutable, typed column of a <see cref="Table"/>. Subclasses hold the values in a flat array;
/// slicing and filtering copy into a new column, so a column never changes once built.
/// </summary>
public abstract class Column
{
    protected Column(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>Column name, unique within its table (ordinal comparison).</summary>
    public string Name { get; }

    /// <summary>Storage kind.</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>Number of rows.</summary>
    public abstract int Length { get; }

    /// <summary>True when the cell at <paramref name="row"/> is missing.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>Number of missing cells.</summary>
    public int MissingCount
    {
        get
        {
            var count = 0;
            for (var i = 0; i < Length; i++)
            {
                if (IsMissing(i))
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>The cell as text in invariant culture, or null when missing (used for CSV writing and display).</summary>
    public abstract string? FormatCell(int row);

    /// <summary>A copy holding the rows at the given indices, in that order.</summary>
    public abstract Column Take(ReadOnlySpan<int> rows);

    /// <summary>A copy of the same values under another name.</summary>
    public abstract Column Rename(string name);

    /// <summary>A copy of rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    public Column Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Length, nameof(length));
        var rows = new int[length];
        for (var i = 0; i < length; i++)
        {
            rows[i] = start + i;
        }

        return Take(rows);
    }

    /// <summary>A copy holding the rows where <paramref name="mask"/> is true.</summary>
    public Column Filter(ReadOnlySpan<bool> mask)
    {
        if (mask.Length != Length)
        {
            throw new ArgumentException($"Mask has {mask.Length} entries but column '{Name}' has {Length} rows.", nameof(mask));
        }

        var rows = new List<int>(Length);
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i])
            {
                rows.Add(i);
            }
        }

        return Take(rows.ToArray());
    }

    public override string ToString() => $"{Name} ({Kind}, {Length} rows)";
}
