using System.Globalization;
using System.Text;

namespace Vigil.Cli.Tests.Support;

/// <summary>Tiny deterministic CSV files for command tests: a binary label that depends on two numbers.</summary>
internal static class CliData
{
    public const string Header = "x1,x2,c,y";

    /// <summary>
    /// <paramref name="rows"/> rows of x1, x2 ~ N(<paramref name="shift"/>, 1), c in a/b/c and y = [x1 + x2 + noise &gt; 0]
    /// (or a coin flip when <paramref name="randomLabels"/>).
    /// </summary>
    public static string Rows(int rows, int seed, double shift = 0, bool randomLabels = false, string? categories = "abc")
    {
        var random = new Random(seed);
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var a = Gaussian(random) + shift;
            var b = Gaussian(random) + shift;
            var c = categories is null ? "a" : categories[random.Next(categories.Length)].ToString();
            var y = randomLabels ? random.Next(2) : (a + b + (0.5 * Gaussian(random)) - (2 * shift) > 0 ? 1 : 0);
            text.Append(CultureInfo.InvariantCulture, $"{a:0.000},{b:0.000},{c},{y}\n");
        }

        return text.ToString();
    }

    /// <summary>A labelled time-ordered stream whose concept flips half way (for replay).</summary>
    public static string Stream(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("t,x1,x2,y\n");
        for (var i = 0; i < rows; i++)
        {
            var a = Gaussian(random);
            var b = Gaussian(random);
            var sign = i < rows / 2 ? 1 : -1;
            text.Append(CultureInfo.InvariantCulture, $"{i},{a:0.000},{b:0.000},{((sign * a) + b + (0.5 * Gaussian(random)) > 0 ? 1 : 0)}\n");
        }

        return text.ToString();
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
