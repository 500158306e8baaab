using System.Collections;

namespace Vigil.Data.Parquet;

/// <summary>The 1-based row numbers 1..<c>count</c> as a list, without storing them (a Parquet file has rows, not lines).</summary>
internal sealed class RowNumbers(int count) : IReadOnlyList<int>
{
    public int this[int index] =>
        (uint)index < (uint)count ? index + 1 : throw new ArgumentOutOfRangeException(nameof(index));

    public int Count => count;

    public IEnumerator<int> GetEnumerator()
    {
        for (var i = 1; i <= count; i++)
        {
            yield return i;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
