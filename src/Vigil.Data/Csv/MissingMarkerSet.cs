namespace Vigil.Data.Csv;

/// <summary>Exact (ordinal) lookup of missing markers on spans, without allocating a string per cell.</summary>
internal sealed class MissingMarkerSet
{
    private readonly HashSet<string> _markers;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxLength;

    public MissingMarkerSet(IEnumerable<string> markers)
    {
        _markers = new HashSet<string>(markers, StringComparer.Ordinal);
        _lookup = _markers.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxLength = _markers.Count == 0 ? -1 : _markers.Max(m => m.Length);
    }

    public bool IsMissing(ReadOnlySpan<char> cell) => cell.Length <= _maxLength && _lookup.Contains(cell);
}
