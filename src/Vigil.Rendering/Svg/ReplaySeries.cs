using Vigil.Replay;

namespace Vigil.Rendering.Svg;

/// <summary>The lines of a replay chart: one per strategy, in a fixed palette with static grey and dashed.</summary>
internal static class ReplaySeries
{
    private static readonly string[] Palette = ["#2563eb", "#f97316", "#16a34a", "#7c3aed", "#dc2626", "#0f766e", "#d97706", "#db2777"];

    /// <summary>The colour of the i-th strategy (static is grey so the retraining strategies stand out).</summary>
    public static string ColorFor(int index, string name) =>
        name == "static" ? "#64748b" : Palette[index % Palette.Length];

    // Static is dashed; from the third strategy on, every other line is dashed so coinciding lines still show both colours.
    private static string? DashFor(int index, string name) =>
        name == "static" ? "6 4" : index >= 2 && index % 2 == 0 ? "7 4" : null;

    /// <summary>Accuracy per batch, or its running mean from the first replayed batch, per strategy.</summary>
    public static List<ReplayChart.Series> Of(ReplayResult result, bool running)
    {
        var list = new List<ReplayChart.Series>();
        for (var i = 0; i < result.Strategies.Count; i++)
        {
            var s = result.Strategies[i];
            var values = s.Batches.Select(b => b.Accuracy).ToArray();
            if (running)
            {
                double sum = 0;
                var n = 0;
                for (var j = 0; j < values.Length; j++)
                {
                    if (double.IsFinite(values[j]))
                    {
                        sum += values[j];
                        n++;
                    }

                    values[j] = n == 0 ? double.NaN : sum / n;
                }
            }

            list.Add(new ReplayChart.Series(s.Strategy, ColorFor(i, s.Strategy), DashFor(i, s.Strategy), values,
                s.Batches.Select(b => b.Retrained).ToArray(), s.Batches.Select(b => b.Promoted).ToArray()));
        }

        return list;
    }
}
