namespace Vigil.Statistics.Internal;

/// <summary>Argument checks shared by the statistics functions.</summary>
internal static class Guard
{
    public static void NotEmpty<T>(ReadOnlySpan<T> values, string name)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("Input must not be empty.", name);
        }
    }

    public static void SameLength<T, TU>(ReadOnlySpan<T> a, ReadOnlySpan<TU> b, string nameA, string nameB)
    {
        NotEmpty(a, nameA);
        NotEmpty(b, nameB);
        if (a.Length != b.Length)
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Length mismatch: {nameA} has {a.Length} elements, {nameB} has {b.Length}."),
                nameB);
        }
    }

    public static void NoNaN(ReadOnlySpan<double> values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ArgumentException("Input contains NaN; drop missing values first.", name);
            }
        }
    }

    public static void BinaryLabels(ReadOnlySpan<int> labels, string name)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not (0 or 1))
            {
                throw new ArgumentException("Binary labels must be 0 or 1.", name);
            }
        }
    }

    public static void ClassLabels(ReadOnlySpan<int> labels, int classCount, string name)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Class index {labels[i]} is outside 0..{classCount - 1}."),
                    name);
            }
        }
    }
}
