namespace Vigil.Data.Csv;

/// <summary>
/// The raw (unquoted) text of one column, all cells packed into one growing char array with an end offset per
/// cell, so reading a large file costs no allocation per cell; cells are parsed once the whole column is known.
/// </summary>
internal sealed class ColumnBuffer
{
    private char[] _chars;
    private int[] _ends;
    private int _length;

    public ColumnBuffer(int expectedCells = 1024)
    {
        _chars = new char[Math.Max(16, expectedCells * 8)];
        _ends = new int[Math.Max(16, expectedCells)];
    }

    /// <summary>Number of cells appended.</summary>
    public int Count { get; private set; }

    public void Append(ReadOnlySpan<char> cell)
    {
        if (_length + cell.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + cell.Length));
        }

        if (Count == _ends.Length)
        {
            Array.Resize(ref _ends, _ends.Length * 2);
        }

        cell.CopyTo(_chars.AsSpan(_length));
        _length += cell.Length;
        _ends[Count++] = _length;
    }

    /// <summary>The text of cell <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var start = index == 0 ? 0 : _ends[index - 1];
            return _chars.AsSpan(start, _ends[index] - start);
        }
    }
}
