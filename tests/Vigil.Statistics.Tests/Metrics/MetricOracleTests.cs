using System.Text.Json;
using Vigil.Statistics.Metrics;
using Vigil.Statistics.Tests.Oracles;

namespace Vigil.Statistics.Tests.Metrics;

public class MetricOracleTests
{
    private static JsonElement Root => OracleJson.Load("oracles/metric_vectors.json");

    [SkippableFact]
    public void BinaryMatchesSklearn()
    {
        foreach (var c in Root.GetProperty("binary").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString();
            var y = c.GetProperty("y_true").Ints();
            var s = c.GetProperty("score").Doubles();
            var thr = c.GetProperty("threshold").Number();
            var yp = s.Select(v => v >= thr ? 1 : 0).ToArray();
            OracleJson.Close(c.GetProperty("roc_auc").Number(), BinaryMetrics.RocAuc(y, s), $"{name} roc_auc");
            OracleJson.Close(c.GetProperty("average_precision").Number(), BinaryMetrics.AveragePrecision(y, s), $"{name} ap");
            OracleJson.Close(c.GetProperty("log_loss").Number(), BinaryMetrics.LogLoss(y, s), $"{name} log_loss");
            OracleJson.Close(c.GetProperty("brier").Number(), BinaryMetrics.Brier(y, s), $"{name} brier");
            OracleJson.Close(c.GetProperty("accuracy").Number(), BinaryMetrics.Accuracy(y, yp), $"{name} accuracy");
            OracleJson.Close(c.GetProperty("precision").Number(), BinaryMetrics.Precision(y, yp), $"{name} precision");
            OracleJson.Close(c.GetProperty("recall").Number(), BinaryMetrics.Recall(y, yp), $"{name} recall");
            OracleJson.Close(c.GetProperty("f1").Number(), BinaryMetrics.F1(y, yp), $"{name} f1");
        }
    }

    [SkippableFact]
    public void MulticlassMatchesSklearn()
    {
        foreach (var c in Root.GetProperty("multiclass").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString();
            var y = c.GetProperty("y_true").Ints();
            var rows = c.GetProperty("proba").EnumerateArray().Select(r => r.Doubles()).ToArray();
            var k = rows[0].Length;
            var flat = rows.SelectMany(r => r).ToArray();
            var yp = rows.Select(r => Array.IndexOf(r, r.Max())).ToArray();
            OracleJson.Close(c.GetProperty("log_loss").Number(), MulticlassMetrics.LogLoss(y, flat, k), $"{name} log_loss");
            OracleJson.Close(c.GetProperty("accuracy").Number(), MulticlassMetrics.Accuracy(y, yp), $"{name} accuracy");
            OracleJson.Close(c.GetProperty("macro_f1").Number(), MulticlassMetrics.MacroF1(y, yp, k), $"{name} macro_f1");
            OracleJson.Close(c.GetProperty("weighted_f1").Number(), MulticlassMetrics.WeightedF1(y, yp, k), $"{name} weighted_f1");
            OracleJson.Close(c.GetProperty("macro_precision").Number(), MulticlassMetrics.MacroPrecision(y, yp, k), $"{name} macro_precision");
            OracleJson.Close(c.GetProperty("macro_recall").Number(), MulticlassMetrics.MacroRecall(y, yp, k), $"{name} macro_recall");
            OracleJson.Close(MulticlassMetrics.Accuracy(y, yp), MulticlassMetrics.WeightedRecall(y, yp, k), $"{name} weighted_recall = accuracy");
        }
    }

    [SkippableFact]
    public void RegressionMatchesSklearn()
    {
        foreach (var c in Root.GetProperty("regression").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString();
            var y = c.GetProperty("y_true").Doubles();
            var p = c.GetProperty("y_pred").Doubles();
            OracleJson.Close(c.GetProperty("r2").Number(), RegressionMetrics.R2(y, p), $"{name} r2");
            OracleJson.Close(c.GetProperty("rmse").Number(), RegressionMetrics.Rmse(y, p), $"{name} rmse");
            OracleJson.Close(c.GetProperty("mae").Number(), RegressionMetrics.Mae(y, p), $"{name} mae");
            OracleJson.Close(c.GetProperty("mape").Number(), RegressionMetrics.Mape(y, p), $"{name} mape");
        }
    }
}
