namespace Vigil.Data.Tables;

/// <summary>The storage kind of a column.</summary>
public enum ColumnKind
{
    /// <summary>64-bit floating point; a missing cell is <see cref="double.NaN"/>.</summary>
    Numeric,

    /// <summary>Strings stored as integer codes into a dictionary of categories; a missing cell has code -1.</summary>
    Categorical,

    /// <summary>True/false; a missing cell is stored separately.</summary>
    Boolean,

    /// <summary>Date and time (UTC when the source said so, else unspecified); a missing cell is stored separately.</summary>
    DateTime,
}
