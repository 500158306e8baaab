using System.Globalization;
using System.Text.Json;
using Vigil.Statistics.Distances;
using Vigil.Statistics.MultipleTesting;
using Vigil.Statistics.Tests.Oracles;
using Vigil.Statistics.TwoSample;

namespace Vigil.Statistics.Tests.Drift;

public class DriftOracleTests
{
    private static JsonElement Root => OracleJson.Load("oracles/drift_vectors.json");

    [SkippableFact]
    public void ChiSquareMatchesScipy()
    {
        foreach (var c in Root.GetProperty("chi2_contingency").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString();
            var rows = c.GetProperty("table").EnumerateArray().Select(r => r.Doubles()).ToArray();
            var table = new double[rows.Length, rows[0].Length];
            for (var i = 0; i < rows.Length; i++)
            {
                for (var j = 0; j < rows[0].Length; j++)
                {
                    table[i, j] = rows[i][j];
                }
            }

            foreach (var correction in new[] { true, false })
            {
                var e = c.GetProperty("results").GetProperty(correction ? "correction_True" : "correction_False");
                var what = $"{name}/correction={correction}";
                if (e.TryGetProperty("error", out _))
                {
                    var ex = Assert.Throws<ZeroExpectedFrequencyException>(() => ChiSquare.Contingency(table, correction));
                    Assert.Contains("(0, 1)", ex.Message, StringComparison.Ordinal);
                    continue;
                }

                var r = ChiSquare.Contingency(table, correction);
                OracleJson.Close(e.GetProperty("chi2").Number(), r.Statistic, what + " chi2");
                OracleJson.Close(e.GetProperty("pvalue").Number(), r.PValue, what + " pvalue");
                Assert.True(e.GetProperty("dof").GetInt32() == r.DegreesOfFreedom, what + " dof");
                var exp = e.GetProperty("expected").EnumerateArray().Select(x => x.Doubles()).ToArray();
                for (var i = 0; i < exp.Length; i++)
                {
                    for (var j = 0; j < exp[i].Length; j++)
                    {
                        OracleJson.Close(exp[i][j], r.Expected[i, j], $"{what} expected[{i},{j}]");
                    }
                }
            }
        }
    }

    [SkippableFact]
    public void WassersteinMatchesScipy()
    {
        foreach (var c in Root.GetProperty("wasserstein_distance").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString();
            var u = c.GetProperty("u_values").Doubles();
            var v = c.GetProperty("v_values").Doubles();
            var uw = c.GetProperty("u_weights").ValueKind == JsonValueKind.Null ? [] : c.GetProperty("u_weights").Doubles();
            var vw = c.GetProperty("v_weights").ValueKind == JsonValueKind.Null ? [] : c.GetProperty("v_weights").Doubles();
            OracleJson.Close(c.GetProperty("distance").Number(), Wasserstein.Distance(u, v, uw, vw), $"{name} wasserstein");
        }
    }

    [SkippableFact]
    public void JensenShannonAndKlMatchScipy()
    {
        foreach (var c in Root.GetProperty("jensenshannon").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString();
            var p = c.GetProperty("p").Doubles();
            var q = c.GetProperty("q").Doubles();
            var res = c.GetProperty("results");
            OracleJson.Close(res.GetProperty("base_e").GetProperty("distance").Number(), Divergences.JensenShannonDistance(p, q), $"{name} js base e");
            OracleJson.Close(res.GetProperty("base_2").GetProperty("distance").Number(), Divergences.JensenShannonDistance(p, q, 2), $"{name} js base 2");
            OracleJson.Close(c.GetProperty("kl_p_q_nats").Number(), Divergences.KullbackLeibler(p, q), $"{name} kl(p,q)");
            OracleJson.Close(c.GetProperty("kl_q_p_nats").Number(), Divergences.KullbackLeibler(q, p), $"{name} kl(q,p)");
        }
    }

    [SkippableFact]
    public void MultipleTestingMatchesStatsmodels()
    {
        var root = OracleJson.Load("oracles/metric_vectors.json");
        var methods = new (string Key, CorrectionMethod Method)[]
        {
            ("bonferroni", CorrectionMethod.Bonferroni), ("holm", CorrectionMethod.Holm),
            ("fdr_bh", CorrectionMethod.BenjaminiHochberg), ("fdr_by", CorrectionMethod.BenjaminiYekutieli),
        };
        foreach (var c in root.GetProperty("multiple_testing").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString();
            var p = c.GetProperty("pvalues").Doubles();
            var alpha = c.GetProperty("alpha").Number();
            foreach (var (key, method) in methods)
            {
                var r = Corrections.Adjust(p, method, alpha);
                var adj = c.GetProperty(key).GetProperty("adjusted").Doubles();
                var rej = c.GetProperty(key).GetProperty("reject").Bools();
                for (var i = 0; i < p.Length; i++)
                {
                    OracleJson.Close(adj[i], r.Adjusted[i], $"{name}/{key} adjusted[{i}]");
                    Assert.True(rej[i] == r.Reject[i], $"{name}/{key} reject[{i}]");
                }
            }
        }
    }

    [SkippableTheory]
    [InlineData("mixed_exact")]
    [InlineData("tiny")]
    [InlineData("with_missing")]
    public void NumericDriftCaseMatchesScipy(string caseName)
    {
        var dir = Vigil.TestSupport.SharedData.RequireDirectory("oracles/drift_cases/" + caseName);
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json"))).RootElement.GetProperty("columns");
        var reference = ReadCsv(Path.Combine(dir, "reference.csv"));
        var current = ReadCsv(Path.Combine(dir, "current.csv"));
        foreach (var col in expected.EnumerateObject())
        {
            var e = col.Value;
            var what = $"{caseName}/{col.Name}";
            if (e.GetProperty("type").GetString() == "numeric")
            {
                var r = Numeric(reference[col.Name]);
                var cur = Numeric(current[col.Name]);
                Array.Sort(r);
                Array.Sort(cur);
                var binning = PsiBinning.FromSortedReference(r);
                var cs = binning.Shares(cur);
                OracleJson.Close(e.GetProperty("psi").Number(), binning.Psi(cur), what + " psi");
                OracleJson.Close(e.GetProperty("jensen_shannon").Number(), Divergences.JensenShannonDistance([.. binning.ReferenceShares], cs, 2), what + " js");
                OracleJson.Close(e.GetProperty("wasserstein").Number(), Wasserstein.DistanceSorted(r, cur), what + " w1");
                OracleJson.Close(e.GetProperty("wasserstein_normed").Number(), Wasserstein.Normalized(r, cur), what + " w1 normed");
                var ks = KolmogorovSmirnov.TwoSample(r, cur);
                OracleJson.Close(e.GetProperty("ks_statistic").Number(), ks.Statistic, what + " ks D");
                OracleJson.Close(e.GetProperty("ks_pvalue").Number(), ks.PValue, what + " ks p");
            }
            else
            {
                var rc = reference[col.Name].Where(s => s.Length > 0).ToArray();
                var cc = current[col.Name].Where(s => s.Length > 0).ToArray();
                var cats = rc.Concat(cc).Distinct().Order(StringComparer.Ordinal).ToArray();
                var rCounts = cats.Select(k => (double)rc.Count(s => s == k)).ToArray();
                var cCounts = cats.Select(k => (double)cc.Count(s => s == k)).ToArray();
                OracleJson.Close(e.GetProperty("psi").Number(), PopulationStability.FromCounts(rCounts, cCounts), what + " psi");
                OracleJson.Close(e.GetProperty("jensen_shannon").Number(), PopulationStability.JensenShannonFromCounts(rCounts, cCounts), what + " js");
                var table = new double[2, cats.Length];
                for (var j = 0; j < cats.Length; j++)
                {
                    table[0, j] = rCounts[j];
                    table[1, j] = cCounts[j];
                }

                var chi = ChiSquare.Contingency(table);
                OracleJson.Close(e.GetProperty("chi2_statistic").Number(), chi.Statistic, what + " chi2");
                OracleJson.Close(e.GetProperty("chi2_pvalue").Number(), chi.PValue, what + " chi2 p");
            }
        }
    }

    private static double[] Numeric(List<string> cells) =>
        cells.Where(s => s.Length > 0).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    private static Dictionary<string, List<string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var result = header.ToDictionary(h => h, _ => new List<string>());
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            for (var i = 0; i < header.Length; i++)
            {
                result[header[i]].Add(cells[i]);
            }
        }

        return result;
    }
}
