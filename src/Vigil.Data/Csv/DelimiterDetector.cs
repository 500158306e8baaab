namespace Vigil.Data.Csv;

/// <summary>
/// Picks the delimiter among <c>,</c> <c>;</c> tab <c>|</c> from a sample of the first lines: the candidate that
/// occurs (outside quotes) the same number of times on every complete sampled line and most often on the header
/// wins; ties go to the earlier candidate in that list. With no candidate on the header the file has one column
/// and comma is returned.
/// </summary>
internal static class DelimiterDetector
{
    /// <summary>The delimiters detection chooses from, in order of preference on ties.</summary>
    internal static readonly char[] Candidates = [',', ';', '\t', '|'];

    private const int MaxSampleLines = 20;
    private const int MaxSampleChars = 1 << 16;

    /// <summary>Reads the sample from <paramref name="reader"/> (the caller replays it) and returns it.</summary>
    public static string ReadSample(TextReader reader)
    {
        var buffer = new char[MaxSampleChars];
        var length = 0;
        var lines = 0;
        while (length < buffer.Length && lines < MaxSampleLines)
        {
            var n = reader.Read(buffer, length, Math.Min(4096, buffer.Length - length));
            if (n == 0)
            {
                break;
            }

            lines += buffer.AsSpan(length, n).Count('\n');
            length += n;
        }

        return new string(buffer, 0, length);
    }

    /// <summary>The detected delimiter for <paramref name="sample"/> (the start of the file).</summary>
    public static char Detect(ReadOnlySpan<char> sample)
    {
        // counts[line][candidate], only for lines that ended inside the sample (the last may be cut short).
        var counts = new List<int[]>();
        var current = new int[Candidates.Length];
        var inQuotes = false;
        foreach (var ch in sample)
        {
            if (ch == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && ch == '\n')
            {
                counts.Add(current);
                current = new int[Candidates.Length];
                if (counts.Count >= MaxSampleLines)
                {
                    break;
                }
            }
            else if (!inQuotes)
            {
                var k = Array.IndexOf(Candidates, ch);
                if (k >= 0)
                {
                    current[k]++;
                }
            }
        }

        if (counts.Count == 0)
        {
            counts.Add(current);
        }

        var best = -1;
        var bestConsistent = false;
        for (var k = 0; k < Candidates.Length; k++)
        {
            var header = counts[0][k];
            if (header == 0)
            {
                continue;
            }

            // Blank lines are skipped by the reader, so they do not count against consistency.
            var consistent = counts.All(c => c[k] == header || c.All(x => x == 0));
            if (best < 0
                || (consistent && !bestConsistent)
                || (consistent == bestConsistent && header > counts[0][best]))
            {
                best = k;
                bestConsistent = consistent;
            }
        }

        return best < 0 ? ',' : Candidates[best];
    }
}
