using System.Globalization;
using Vigil.Data.Tables;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Tests.Shadows;

/// <summary>
/// Rows of three standard-normal features and a yes/no label under one of two concepts: A, y = x2 + 0.5·e &gt; 0; and
/// B (the drifted world), y = x1 − x3 + 0.5·e &gt; 0. An "outside" model of concept A predicts from x2 alone, and an
/// oracle one from x2 and the noise (it cannot be beaten on concept A).
/// </summary>
internal static class ConceptStream
{
    public const string Label = "y";

    public sealed record Rows(double[] X1, double[] X2, double[] X3, double[] Noise, string[] Y)
    {
        public int Count => Y.Length;

        public Table ToTable() => new([new NumericColumn("x1", X1), new NumericColumn("x2", X2), new NumericColumn("x3", X3), CategoricalColumn.FromValues(Label, Y)]);

        public Dictionary<string, object?> Features(int i) => new(StringComparer.Ordinal) { ["x1"] = X1[i], ["x2"] = X2[i], ["x3"] = X3[i] };

        /// <summary>The concept-A model's probability of "yes" (from x2; with <paramref name="oracle"/>, from x2 and the noise).</summary>
        public double ScoreA(int i, bool oracle = false) => 1 / (1 + Math.Exp(-3 * (X2[i] + (oracle ? 0.5 * Noise[i] : 0))));

        /// <summary>The rows as logged predictions of the concept-A model, timestamps one second apart from <paramref name="start"/>.</summary>
        public PredictionRecord[] LoggedByA(string prefix, DateTimeOffset start, bool oracle = false, int? version = 1) =>
            Enumerable.Range(0, Count).Select(i =>
            {
                var p = ScoreA(i, oracle);
                return new PredictionRecord(prefix + i.ToString(CultureInfo.InvariantCulture), start.AddSeconds(i), Features(i), p >= 0.5 ? "yes" : "no", p, version);
            }).ToArray();

        public LabelRecord[] Labels(string prefix) =>
            Enumerable.Range(0, Count).Select(i => new LabelRecord(prefix + i.ToString(CultureInfo.InvariantCulture), Y[i], null)).ToArray();
    }

    public static Rows Make(int n, bool conceptB, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var x1 = new double[n];
        var x2 = new double[n];
        var x3 = new double[n];
        var e = new double[n];
        var y = new string[n];
        for (var i = 0; i < n; i++)
        {
            (x1[i], x2[i], x3[i], e[i]) = (Normal(), Normal(), Normal(), Normal());
            var z = conceptB ? x1[i] - x3[i] + (0.5 * e[i]) : x2[i] + (0.5 * e[i]);
            y[i] = z > 0 ? "yes" : "no";
        }

        return new Rows(x1, x2, x3, e, y);
    }

    /// <summary>A reference for an external concept-A model: the rows with its prediction and score columns.</summary>
    public static Table ExternalReference(Rows rows)
    {
        var scores = Enumerable.Range(0, rows.Count).Select(i => rows.ScoreA(i)).ToArray();
        return rows.ToTable()
            .WithColumn(CategoricalColumn.FromValues("pred", scores.Select(p => p >= 0.5 ? "yes" : "no").ToArray()))
            .WithColumn(new NumericColumn("p_yes", scores));
    }

    public static TrainRequest Quick(bool champion = true, int seed = 3) => new()
    {
        Label = Label, TimeBudget = null, MaxTrials = 3, Seed = seed, Learners = ["lgbm"], CreatedBy = "test", Reason = "test",
        BecomeChampion = champion,
    };

    /// <summary>ROC AUC by the Mann–Whitney count (ties half), computed here independently of Vigil's metrics.</summary>
    public static double Auc(IReadOnlyList<bool> positive, IReadOnlyList<double> score)
    {
        double wins = 0;
        long pairs = 0;
        for (var i = 0; i < positive.Count; i++)
        {
            if (!positive[i])
            {
                continue;
            }

            for (var j = 0; j < positive.Count; j++)
            {
                if (positive[j])
                {
                    continue;
                }

                pairs++;
                wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
            }
        }

        return wins / pairs;
    }
}
