using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Models.Onnx;
using Vigil.TestSupport;

namespace Vigil.Monitoring.Tests.Models;

/// <summary>
/// ONNX models reproduce scikit-learn's own outputs (the expected.csv beside each model) within 1e-5, in one batch and
/// row by row: the shared skl2onnx-layout models and the fixtures that cover ZipMaps, one input per column (string,
/// bool, int64, double), class values that are not 0..K-1, a bare probability tensor, and regression.
/// </summary>
public sealed class OnnxScoringTests
{
    private const double Tolerance = 1e-5;

    [SkippableTheory]
    [InlineData("elec-logreg", "elec", "class")]
    [InlineData("breast_cancer-forest", "breast_cancer", "target")]
    public void SharedModels_ReproduceScikitLearn_InBatchAndRowByRow(string model, string dataset, string label)
    {
        var folder = SharedData.RequireDirectory("models");
        var data = ModelFixtures.Csv(SharedData.RequireFile($"datasets/{dataset}/test.csv"));
        var features = ModelFixtures.Features(Path.Combine(folder, model + ".features.txt"));
        var bytes = File.ReadAllBytes(Path.Combine(folder, model + ".onnx"));
        var (labels, expected, _) = ModelFixtures.Expected(Path.Combine(folder, model + ".expected.csv"));

        using var onnx = OnnxModel.Bind(bytes, model, data, features, label, AutoMLTask.Auto);
        Assert.Equal(AutoMLTask.Binary, onnx.Task);
        var batch = onnx.Predict(data);
        AssertClose(expected[1], batch.Values, model);
        Assert.Equal(labels, onnx.PredictedLabels(batch));

        for (var i = 0; i < Math.Min(300, data.RowCount); i++)
        {
            var one = onnx.Predict(data.Slice(i, 1));
            Assert.InRange(Math.Abs(one.Values[0] - expected[1][i]), 0, Tolerance);
            Assert.Equal(labels[i], onnx.PredictedLabels(one)[0]);
        }
    }

    [Fact]
    public void OneInputPerColumn_WithAStringColumnAndAZipMapOfStrings_ReproducesScikitLearn()
    {
        var data = ModelFixtures.Csv(ModelFixtures.Path("churn-columns.data.csv"));
        var (labels, expected, names) = ModelFixtures.Expected(ModelFixtures.Path("churn-columns.expected.csv"));
        using var onnx = OnnxModel.Bind(ModelFixtures.Onnx("churn-columns"), "churn-columns", data, null, "churn", AutoMLTask.Auto);

        Assert.Equal(["no", "yes"], onnx.Labels.Classes);
        Assert.Equal(["p_no", "p_yes"], names);
        Assert.Equal(ColumnKind.Categorical, onnx.InputKinds["city"]);
        var batch = onnx.Predict(data);
        AssertClose(expected[1], batch.Values, "churn-columns");
        Assert.Equal(labels, onnx.PredictedLabels(batch));
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(Math.Abs(onnx.Predict(data.Slice(i, 1)).Values[0] - expected[1][i]), 0, Tolerance);
        }
    }

    [Theory]
    [InlineData("grade-zipmap")]
    [InlineData("grade-tensor")]
    public void Multiclass_MapsClassesThreeFiveSeven_ByZipMapKeysOrSortedLabelValues(string model)
    {
        var data = ModelFixtures.Csv(ModelFixtures.Path(model + ".data.csv"));
        var features = ModelFixtures.Features(ModelFixtures.Path(model + ".features.txt"));
        var (labels, expected, _) = ModelFixtures.Expected(ModelFixtures.Path(model + ".expected.csv"));
        using var onnx = OnnxModel.Bind(ModelFixtures.Onnx(model), model, data, features, "grade", AutoMLTask.Auto);

        Assert.Equal(AutoMLTask.Multiclass, onnx.Task);
        Assert.Equal(["3", "5", "7"], onnx.Labels.Classes);
        var batch = onnx.Predict(data);
        for (var k = 0; k < 3; k++)
        {
            AssertClose(expected[k], Enumerable.Range(0, data.RowCount).Select(i => batch.Values[(i * 3) + k]).ToArray(), $"{model} class {k}");
        }

        Assert.Equal(labels, onnx.PredictedLabels(batch));
    }

    [Fact]
    public void Regression_ValueTensor_ReproducesScikitLearn()
    {
        var data = ModelFixtures.Csv(ModelFixtures.Path("price-linear.data.csv"));
        var features = ModelFixtures.Features(ModelFixtures.Path("price-linear.features.txt"));
        var (_, expected, _) = ModelFixtures.Expected(ModelFixtures.Path("price-linear.expected.csv"));
        using var onnx = OnnxModel.Bind(ModelFixtures.Onnx("price-linear"), "price-linear", data, features, "price", AutoMLTask.Auto);

        Assert.Equal(AutoMLTask.Regression, onnx.Task);
        var values = onnx.Predict(data).Values;
        for (var i = 0; i < values.Length; i++)
        {
            Assert.InRange(Math.Abs(values[i] - expected[0][i]), 0, Tolerance * Math.Max(1, Math.Abs(expected[0][i])));
        }
    }

    [Fact]
    public void ABareModel_TakesItsClassesFromTheZipMapKeys()
    {
        var data = ModelFixtures.Csv(ModelFixtures.Path("grade-zipmap.data.csv"));
        var features = ModelFixtures.Features(ModelFixtures.Path("grade-zipmap.features.txt"));
        using var onnx = OnnxModel.Bind(ModelFixtures.Onnx("grade-zipmap"), "grade-zipmap", data, features, null, AutoMLTask.Auto);
        Assert.Equal(["3", "5", "7"], onnx.Labels.Classes);
    }

    private static void AssertClose(double[] expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Count);
        var worst = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        Assert.True(worst <= Tolerance, $"{what}: largest difference {worst} exceeds {Tolerance}");
    }
}
