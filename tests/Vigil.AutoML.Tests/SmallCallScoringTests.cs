using Vigil.AutoML.Bundles;
using Vigil.Data.Tables;

namespace Vigil.AutoML.Tests;

/// <summary>
/// Calls of up to 64 rows go through a cached prediction engine, larger ones through a data view: both paths must
/// give the same numbers, for every task and learner, before and after a save/load.
/// </summary>
public sealed class SmallCallScoringTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigil-rowscorer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var task in new[] { "binary", "multiclass", "regression" })
        {
            foreach (var learner in new[] { "lgbm", "xt", "lgbm_linear", "rf", "fasttree", "linear" })
            {
                cases.Add(task, learner);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SingleRowCallsMatchTheBatchPath(string task, string learner)
    {
        var data = task switch
        {
            "binary" => TestData.Binary(rows: 200),
            "multiclass" => TestData.Multiclass(rows: 200),
            _ => TestData.Regression(rows: 200),
        };
        var model = AutoMLEngine.Fit(data, TestData.Quick(trials: 1, learners: learner)).Model;
        var path = Path.Combine(_dir, task + learner);
        model.Save(path);

        foreach (var bundle in new[] { model, ModelBundle.Load(path) })
        {
            var batch = bundle.Predict(data); // 200 rows: data-view path
            var perRow = batch.Values.Length / data.RowCount;
            for (var r = 0; r < data.RowCount; r += 7)
            {
                var one = bundle.Predict(data.Slice(r, 1));
                Assert.Equal(perRow, one.Values.Length);
                for (var k = 0; k < perRow; k++)
                {
                    Assert.Equal(batch.Values[(r * perRow) + k], one.Values[k], 12);
                }
            }

            var few = bundle.Predict(data.Slice(10, 40)); // a small batch: engine path, row order kept
            Assert.Equal(batch.Values.AsSpan(10 * perRow, 40 * perRow).ToArray(), few.Values);
        }
    }

    [Fact]
    public void SmallCallsFromManyThreadsGiveTheSameAnswers()
    {
        var data = TestData.Binary(rows: 200);
        var bundle = AutoMLEngine.Fit(data, TestData.Quick(trials: 1, learners: "lgbm")).Model;
        var expected = bundle.Predict(data).Values;
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var r = i % data.RowCount;
            Assert.Equal(expected[r], bundle.Predict(data.Slice(r, 1)).Values[0], 12);
        });
    }
}
