using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Models.Onnx;

namespace Vigil.Monitoring.Tests.Models;

/// <summary>
/// <c>--classes</c> for an ONNX classifier whose probability output is a plain tensor and whose label output is text
/// (tier-tensor: classes bronze, gold, silver; made by make_test_models.py): without it a bare file cannot be read and
/// says what to give; with it the model reproduces scikit-learn; a list that does not fit the tensor's width, the
/// label's values or the kind is refused naming both sides.
/// </summary>
public sealed class OnnxClassesTests
{
    private static readonly string[] Tiers = ["bronze", "gold", "silver"];

    private static Table Data => ModelFixtures.Csv(ModelFixtures.Path("tier-tensor.data.csv"));

    private static string[] Features => ModelFixtures.Features(ModelFixtures.Path("tier-tensor.features.txt"));

    [Fact]
    public void ABareTensorWithTextLabels_WithoutClasses_SaysToGiveThem()
    {
        var e = Assert.Throws<ModelInputException>(() => OnnxModel.Bind(ModelFixtures.Onnx("tier-tensor"), "'tier.onnx'", Data, Features, null, AutoMLTask.Auto));
        Assert.Contains("'probabilities' of 'tier.onnx' is a plain tensor of 3 columns", e.Message, StringComparison.Ordinal);
        Assert.Contains("--classes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithClasses_ABareModelReproducesScikitLearn()
    {
        var (labels, expected, _) = ModelFixtures.Expected(ModelFixtures.Path("tier-tensor.expected.csv"));
        using var onnx = OnnxModel.Bind(ModelFixtures.Onnx("tier-tensor"), "'tier.onnx'", Data, Features, null, AutoMLTask.Auto, Tiers);
        Assert.Equal(AutoMLTask.Multiclass, onnx.Task);
        Assert.Equal(Tiers, onnx.Labels.Classes);
        var batch = onnx.Predict(Data);
        for (var k = 0; k < 3; k++)
        {
            var worst = Enumerable.Range(0, Data.RowCount).Max(i => Math.Abs(batch.Values[(i * 3) + k] - expected[k][i]));
            Assert.True(worst <= 1e-5, $"class {Tiers[k]}: largest difference {worst}");
        }

        Assert.Equal(labels, onnx.PredictedLabels(batch));
    }

    [Theory]
    [InlineData("bronze,gold", "--classes names 2 classes (bronze, gold), but ONNX output 'probabilities' of 'tier.onnx' has 3 probability columns")]
    [InlineData("bronze,gold,silver,platinum", "--classes names 4 classes (bronze, gold, silver, platinum), but ONNX output 'probabilities' of 'tier.onnx' has 3 probability columns")]
    [InlineData("bronze,gold,gold", "--classes names 'gold' twice")]
    [InlineData("gold", "--classes names 1 class (gold)")]
    public void AListThatDoesNotFitTheTensor_IsRefusedNamingBoth(string classes, string expected)
    {
        var e = Assert.Throws<ModelInputException>(() =>
            OnnxModel.Bind(ModelFixtures.Onnx("tier-tensor"), "'tier.onnx'", Data, Features, null, AutoMLTask.Auto, classes.Split(',')));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_TakesTheClasses_AndRefusesALabelValueOutsideThem()
    {
        var reference = ModelFixtures.Csv(ModelFixtures.Path("tier-tensor.reference.csv"));
        RegistrationRequest Request(string[] classes) => new()
        {
            Kind = ModelKind.Onnx, ModelFile = ModelFixtures.Path("tier-tensor.onnx"), Reference = reference, Label = "tier", Features = Features, Classes = classes,
        };

        // The label's sorted values happen to be the column order here: the given order is what the version records.
        var prepared = ModelRegistration.Prepare("tier", Request(Tiers));
        Assert.Equal(Tiers, prepared.Descriptor.Classes);

        var e = Assert.Throws<ModelInputException>(() => ModelRegistration.Prepare("tier", Request(["bronze", "gold", "platinum"])));
        Assert.Contains("Label column 'tier' has the value", e.Message, StringComparison.Ordinal);
        Assert.Contains("not one of --classes (bronze, gold, platinum)", e.Message, StringComparison.Ordinal);

        var zipMap = Assert.Throws<ModelInputException>(() => ModelRegistration.Prepare("grade", new RegistrationRequest
        {
            Kind = ModelKind.Onnx, ModelFile = ModelFixtures.Path("grade-zipmap.onnx"), Reference = ModelFixtures.Csv(ModelFixtures.Path("grade-zipmap.reference.csv")),
            Label = "grade", Features = ModelFixtures.Features(ModelFixtures.Path("grade-zipmap.features.txt")), Classes = ["3", "5"],
        }));
        Assert.Contains("is a ZipMap keyed by 3, 5, 7", zipMap.Message, StringComparison.Ordinal);

        var external = Assert.Throws<ModelInputException>(() => ModelRegistration.Prepare("ext", new RegistrationRequest
        {
            Kind = ModelKind.External, Reference = reference, Label = "tier", Classes = Tiers,
        }));
        Assert.Contains("--classes is for ONNX models", external.Message, StringComparison.Ordinal);
    }
}
