using Vigil.Data.Csv;
using Vigil.TestSupport;

namespace Vigil.AutoML.Tests;

public class RealDataTests
{
    [SkippableFact]
    public void BreastCancerScoresWellOnTheTestSplit()
    {
        var dir = Path.Combine(SharedData.RequireDirectory("datasets"), "breast_cancer");
        Skip.IfNot(Directory.Exists(dir), "breast_cancer dataset is absent");
        var train = CsvTableReader.Read(Path.Combine(dir, "train.csv"));
        var test = CsvTableReader.Read(Path.Combine(dir, "test.csv"));
        var result = AutoMLEngine.Fit(train, new AutoMLOptions { Label = "target", TimeBudget = null, MaxTrials = 6, Threads = 1 });
        Assert.Equal(AutoMLTask.Binary, result.Task);
        Assert.True(result.Model.Evaluate(test)["roc_auc"] > 0.95);
    }
}
