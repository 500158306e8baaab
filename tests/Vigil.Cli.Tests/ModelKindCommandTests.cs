using System.Globalization;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>
/// <c>vigil register</c> and <c>vigil predict</c> with ONNX and registered models: the shared elec model reproduces
/// scikit-learn through the command line, a registered model predicts by name, and a refused registration exits 2
/// with one line and leaves no workspace behind.
/// </summary>
public sealed class ModelKindCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-kinds-cli-").FullName;

    private static string Fixture(string name) =>
        Path.Combine(SharedData.RepositoryRoot, "tests", "Vigil.Monitoring.Tests", "Models", "Fixtures", name);

    [SkippableFact]
    public void PredictWithTheSharedElecOnnxModel_ReproducesScikitLearn()
    {
        var models = SharedData.RequireDirectory("models");
        var test = SharedData.RequireFile("datasets/elec/test.csv");
        var output = Path.Combine(_dir, "scored.csv");
        var (code, _, stderr) = CliRunner.Run("predict", "--model", Path.Combine(models, "elec-logreg.onnx"),
            "--features-file", Path.Combine(models, "elec-logreg.features.txt"), "--data", test, "--out", output);
        Assert.True(code == 0, stderr);

        var scored = CsvTableReader.Read(output);
        var expected = CsvTableReader.Read(Path.Combine(models, "elec-logreg.expected.csv"));
        var score = ((NumericColumn)scored["score"]).Values.ToArray();
        var p1 = ((NumericColumn)expected["p_1"]).Values.ToArray();
        Assert.InRange(p1.Select((e, i) => Math.Abs(e - score[i])).Max(), 0, 1e-5);
        for (var i = 0; i < p1.Length; i++)
        {
            Assert.Equal(expected["label"].FormatCell(i), scored["prediction"].FormatCell(i));
        }
    }

    [Fact]
    public void RegisterThenPredictByName_UsesTheChampion()
    {
        var ws = Path.Combine(_dir, "ws");
        var (code, stdout, stderr) = CliRunner.Run("register", "--model", "churn", "--onnx", Fixture("churn-columns.onnx"),
            "--reference", Fixture("churn-columns.reference.csv"), "--label", "churn", "--holdout", Fixture("churn-columns.data.csv"), "--workspace", ws);
        Assert.True(code == 0, stderr);
        Assert.Contains("registered churn v1 (champion)", stdout, StringComparison.Ordinal);
        Assert.Contains("kind onnx", stdout, StringComparison.Ordinal);
        Assert.Contains("baseline on 200 rows of the holdout", stdout, StringComparison.Ordinal);

        var output = Path.Combine(_dir, "by-name.csv");
        (code, _, stderr) = CliRunner.Run("predict", "--model", "churn", "--store", ws, "--data", Fixture("churn-columns.data.csv"), "--out", output);
        Assert.True(code == 0, stderr);
        var expected = CsvTableReader.Read(Fixture("churn-columns.expected.csv"));
        var scored = CsvTableReader.Read(output);
        var p = ((NumericColumn)expected["p_yes"]).Values.ToArray();
        var s = ((NumericColumn)scored["score"]).Values.ToArray();
        Assert.InRange(p.Select((e, i) => Math.Abs(e - s[i])).Max(), 0, 1e-5);

        var (listCode, list, _) = CliRunner.Run("models", "--workspace", ws);
        Assert.Equal(0, listCode);
        Assert.Contains("onnx", list, StringComparison.Ordinal);
    }

    [Fact]
    public void Classes_NameABareTensorsColumns_AndAListOfTheWrongWidthExitsTwoWithOneLine()
    {
        // tier-tensor: text labels beside a plain [N, 3] probability tensor, which names no classes.
        string[] Args(string output, params string[] more) => ["predict", "--model", Fixture("tier-tensor.onnx"), "--features-file", Fixture("tier-tensor.features.txt"),
            "--data", Fixture("tier-tensor.data.csv"), "--out", output, .. more];
        var output = Path.Combine(_dir, "tiers.csv");
        var (code, _, stderr) = CliRunner.Run(Args(output));
        Assert.Equal(2, code);
        Assert.Contains("--classes", stderr, StringComparison.Ordinal);

        (code, _, stderr) = CliRunner.Run(Args(output, "--classes", "bronze,gold"));
        Assert.Equal(2, code);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("--classes names 2 classes (bronze, gold), but ONNX output 'probabilities' of 'tier-tensor.onnx' has 3 probability columns", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        (code, _, stderr) = CliRunner.Run(Args(output, "--classes", "bronze,gold,silver"));
        Assert.True(code == 0, stderr);
        var scored = CsvTableReader.Read(output);
        var expected = CsvTableReader.Read(Fixture("tier-tensor.expected.csv"));
        for (var i = 0; i < expected.RowCount; i++)
        {
            Assert.Equal(expected["label"].FormatCell(i), scored["prediction"].FormatCell(i));
            Assert.InRange(Math.Abs(((NumericColumn)scored["score_gold"])[i] - ((NumericColumn)expected["p_gold"])[i]), 0, 1e-5);
        }

        var ws = Path.Combine(_dir, "tier-ws");
        (code, _, stderr) = CliRunner.Run("register", "--model", "tier", "--onnx", Fixture("tier-tensor.onnx"), "--features-file", Fixture("tier-tensor.features.txt"),
            "--reference", Fixture("tier-tensor.reference.csv"), "--label", "tier", "--classes", "bronze,gold,silver,platinum", "--workspace", ws);
        Assert.Equal(2, code);
        Assert.Contains("has 3 probability columns", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws));
    }

    [Fact]
    public void ARefusedRegistration_ExitsTwoWithOneLine_AndCreatesNoWorkspace()
    {
        var ws = Path.Combine(_dir, "never");
        var bad = Path.Combine(_dir, "bad.onnx");
        File.WriteAllText(bad, "not a model");
        var error = CliRunner.AssertOneLineError(CliRunner.Run("register", "--model", "churn", "--onnx", bad,
            "--reference", Fixture("churn-columns.reference.csv"), "--label", "churn", "--workspace", ws));
        Assert.Contains("'bad.onnx' is not an ONNX model", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws));

        error = CliRunner.AssertOneLineError(CliRunner.Run("register", "--model", "churn", "--onnx", Fixture("churn-columns.onnx"),
            "--reference", Fixture("churn-columns.reference.csv"), "--label", "outcome", "--workspace", ws));
        Assert.Contains("no label column 'outcome'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws));
    }

    // Models that load and run but whose outputs no check could use (make_bad_models.py): each used to register as
    // champion (the logits and NaN ones) or to be refused with a self-contradicting line (the constant batch).
    [Theory]
    [InlineData("bad-logits", "does not give class probabilities: data row 1 gets -1.5, 1.5 (each must lie in [0, 1]")]
    [InlineData("bad-nan", "data row 1 gets NaN, 0.405465")]
    [InlineData("bad-constbatch", "gave 1 rows of probabilities for 32 rows")]
    public void AModelWhoseOutputIsNotAProbability_IsRefusedNamingTheOutputAndRow(string model, string expected)
    {
        var reference = Path.Combine(_dir, "abc.csv");
        File.WriteAllLines(reference, new[] { "a,b,c,y" }.Concat(Enumerable.Range(0, 200).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{(i % 13) / 3.0},{(i % 7) - 3},{(i % 5) / 5.0},{(i % 13 > 6 ? 1 : 0)}"))));
        var ws = Path.Combine(_dir, "never");

        var error = CliRunner.AssertOneLineError(CliRunner.Run("register", "--model", "m", "--onnx", Fixture(model + ".onnx"),
            "--features", "a,b,c", "--reference", reference, "--label", "y", "--workspace", ws));

        Assert.Contains($"ONNX output 'probabilities' of '{model}.onnx'", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws));
    }

    [Fact]
    public void PredictWithAnExternalModel_IsRefusedNamingTheKind()
    {
        var ws = Path.Combine(_dir, "ws");
        var reference = Path.Combine(_dir, "logged.csv");
        File.WriteAllLines(reference, new[] { "x,y,pred,p" }.Concat(Enumerable.Range(0, 60).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{i % 7},{(i % 3 == 0 ? "a" : "b")},{(i % 4 == 0 ? "a" : "b")},{(i % 10) / 10.0}"))));
        var (code, _, stderr) = CliRunner.Run("register", "--model", "ext", "--external", "--reference", reference, "--label", "y",
            "--prediction", "pred", "--score", "p", "--workspace", ws);
        Assert.True(code == 0, stderr);
        var error = CliRunner.AssertOneLineError(CliRunner.Run("predict", "--model", "ext", "--workspace", ws, "--data", reference, "--out", Path.Combine(_dir, "o.csv")));
        Assert.Contains("kind 'external'", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
