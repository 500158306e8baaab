using Microsoft.ML;
using Microsoft.ML.Data;
using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Models.MlNet;
using Vigil.Monitoring.Tests.Store;

namespace Vigil.Monitoring.Tests.Models;

/// <summary>
/// ML.NET pipelines that ML.NET itself trains here (binary, multiclass with text classes, regression), saved with
/// their input schema, score through Vigil exactly as through ML.NET, register, and reload from the registry.
/// </summary>
public sealed class MlNetModelTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    [Fact]
    public void Binary_ScoresAsMlNetDoes()
    {
        var (ml, rows) = Data(out var table);
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("CityKey", "City")
            .Append(ml.Transforms.Concatenate("Features", "A", "B", "CityKey"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression("Label", "Features"));
        var view = ml.Data.LoadFromEnumerable(rows);
        var model = pipeline.Fit(view);
        var expected = model.Transform(view).GetColumn<float>("Probability").ToArray();
        var path = Save(ml, model, view, "binary.zip");

        var labelled = table.WithColumn(CategoricalColumn.FromValues("Label", rows.Select(r => r.Label ? "true" : "false").ToArray()));
        var loaded = MlNetPipeline.Bind(File.ReadAllBytes(path), "binary.zip", labelled, null, "Label", AutoMLTask.Auto);
        Assert.Equal(AutoMLTask.Binary, loaded.Task);
        Assert.Equal(["false", "true"], loaded.Labels.Classes);
        var values = loaded.Predict(table).Values;
        Assert.InRange(expected.Select((e, i) => Math.Abs(e - values[i])).Max(), 0, 1e-6);
    }

    [Fact]
    public void Multiclass_MapsScoreSlotsToTheLabelsClassesByName()
    {
        var (ml, rows) = Data(out var table);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Key", "Grade")
            .Append(ml.Transforms.Concatenate("Features", "A", "B"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Key", "Features"))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var view = ml.Data.LoadFromEnumerable(rows);
        var model = pipeline.Fit(view);
        var scored = model.Transform(view);
        var slots = default(VBuffer<ReadOnlyMemory<char>>);
        scored.Schema["Score"].GetSlotNames(ref slots);
        var order = slots.DenseValues().Select(s => s.ToString()).ToArray();
        var expected = scored.GetColumn<float[]>("Score").ToArray();
        var path = Save(ml, model, view, "multi.zip");

        var labelled = table.WithColumn(CategoricalColumn.FromValues("Grade", rows.Select(r => r.Grade).ToArray()));
        var loaded = MlNetPipeline.Bind(File.ReadAllBytes(path), "multi.zip", labelled, null, "Grade", AutoMLTask.Auto);
        Assert.Equal(AutoMLTask.Multiclass, loaded.Task);
        Assert.Equal(["high", "low", "mid"], loaded.Labels.Classes);
        var values = loaded.Predict(table).Values;
        for (var i = 0; i < rows.Length; i++)
        {
            for (var s = 0; s < order.Length; s++)
            {
                var k = Array.IndexOf(loaded.Labels.Classes.ToArray(), order[s]);
                Assert.InRange(Math.Abs(values[(i * 3) + k] - (expected[i][s] / expected[i].Sum())), 0, 1e-6);
            }
        }
    }

    [Fact]
    public void Regression_RegistersAndReloadsFromTheRegistry()
    {
        var (ml, rows) = Data(out var table);
        var pipeline = ml.Transforms.Concatenate("Features", "A", "B").Append(ml.Regression.Trainers.Sdca("Target", "Features"));
        var view = ml.Data.LoadFromEnumerable(rows);
        var model = pipeline.Fit(view);
        var expected = model.Transform(view).GetColumn<float>("Score").ToArray();
        var path = Save(ml, model, view, "reg.zip");

        var reference = table.WithColumn(new NumericColumn("Target", rows.Select(r => (double)r.Target).ToArray()));
        var registered = ModelRegistration.Register(_ws.Workspace, "price", new RegistrationRequest
        {
            Kind = ModelKind.MlNet, ModelFile = path, Reference = reference, Label = "Target",
        });
        Assert.Equal(ModelKind.MlNet, registered.Version.Kind);
        Assert.Contains("r2", registered.Profile.Baseline!.Metrics.Keys);
        var loaded = ModelLoader.Load(registered.Version);
        var values = loaded.Predict(table).Values;
        Assert.InRange(expected.Select((e, i) => Math.Abs(e - values[i])).Max(), 0, 1e-4);
    }

    [Fact]
    public void AZipThatIsNotAnMlNetModel_IsOneLine()
    {
        var path = Path.Combine(_ws.Root, "not-mlnet.zip");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        var (_, _) = Data(out var table);
        var error = Assert.Throws<ModelInputException>(() => MlNetPipeline.Bind(File.ReadAllBytes(path), "'not-mlnet.zip'", table, null, "A", AutoMLTask.Auto));
        Assert.Contains("is not an ML.NET model", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private string Save(MLContext ml, ITransformer model, IDataView view, string name)
    {
        var path = Path.Combine(_ws.Root, name);
        ml.Model.Save(model, view.Schema, path);
        return path;
    }

    private static (MLContext Ml, Row[] Rows) Data(out Table table)
    {
        var random = new Random(3);
        var cities = new[] { "east", "north", "south" };
        var rows = Enumerable.Range(0, 300).Select(_ =>
        {
            var a = (float)random.NextDouble() * 10;
            var b = (float)(random.NextDouble() * 4) - 2;
            var city = cities[random.Next(3)];
            var z = a - 5 + (2 * b) + (city == "south" ? 1 : 0) + (float)((random.NextDouble() - 0.5) * 2);
            return new Row { A = a, B = b, City = city, Label = z > 0, Grade = z > 2 ? "high" : z > -2 ? "mid" : "low", Target = (3 * a) - b };
        }).ToArray();
        table = new Table([
            new NumericColumn("A", rows.Select(r => (double)r.A).ToArray()),
            new NumericColumn("B", rows.Select(r => (double)r.B).ToArray()),
            CategoricalColumn.FromValues("City", rows.Select(r => r.City).ToArray()),
        ]);
        return (new MLContext(1), rows);
    }

    public sealed class Row
    {
        public float A { get; set; }

        public float B { get; set; }

        public string City { get; set; } = "";

        public bool Label { get; set; }

        public string Grade { get; set; } = "";

        public float Target { get; set; }
    }

    public void Dispose() => _ws.Dispose();
}
