using System.Globalization;
using System.Text.Json;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Workspace;
using Vigil.TestSupport;

namespace Vigil.Server.Tests;

/// <summary>
/// The service with champions Vigil did not train: /predict scores through an ONNX champion as the file does,
/// /predict on an external champion is 409 naming the kind, and logged rows of an external model are checked.
/// </summary>
public sealed class ModelKindApiTests
{
    private static string Fixture(string name) =>
        Path.Combine(SharedData.RepositoryRoot, "tests", "Vigil.Monitoring.Tests", "Models", "Fixtures", name);

    [Fact]
    public async Task PredictThroughAnOnnxChampion_GivesTheModelsScores()
    {
        var workspace = Directory.CreateTempSubdirectory("vigil-kinds-api-").FullName;
        var data = CsvTableReader.Read(Fixture("churn-columns.data.csv"));
        using (var ws = VigilWorkspace.Open(workspace))
        {
            ModelRegistration.Register(ws, "churn", new RegistrationRequest
            {
                Kind = ModelKind.Onnx, ModelFile = Fixture("churn-columns.onnx"), Label = "churn",
                Reference = CsvTableReader.Read(Fixture("churn-columns.reference.csv")),
            });
        }

        await using var server = await RunningServer.StartAsync(workspace: workspace);
        var rows = Enumerable.Range(0, 20).Select(i => new
        {
            id = "r" + i.ToString(CultureInfo.InvariantCulture),
            features = new Dictionary<string, object?>
            {
                ["age"] = ((NumericColumn)data["age"])[i], ["income"] = ((NumericColumn)data["income"])[i],
                ["city"] = data["city"].FormatCell(i), ["member"] = data["member"].FormatCell(i) == "true", ["visits"] = ((NumericColumn)data["visits"])[i],
            },
        }).ToArray();
        var response = await server.Writer.PostAsync("/api/v1/models/churn/predict", Body(rows));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var doc = JsonDocument.Parse(body);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToArray();
        var expected = CsvTableReader.Read(Fixture("churn-columns.expected.csv"));
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.InRange(Math.Abs(results[i].GetProperty("score").GetDouble() - ((NumericColumn)expected["p_yes"])[i]), 0, 1e-5);
            Assert.Equal(expected["label"].FormatCell(i), results[i].GetProperty("prediction").GetString());
        }

        var model = await server.Reader.GetStringAsync("/api/v1/models/churn");
        Assert.Contains("\"kind\":\"onnx\"", model, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PredictOnAnExternalChampion_IsAConflictNamingTheKind()
    {
        var workspace = Directory.CreateTempSubdirectory("vigil-kinds-api-").FullName;
        var reference = new Table([
            new NumericColumn("x", Enumerable.Range(0, 50).Select(i => (double)(i % 7)).ToArray()),
            CategoricalColumn.FromValues("y", Enumerable.Range(0, 50).Select(i => i % 3 == 0 ? "a" : "b").ToArray()),
            CategoricalColumn.FromValues("pred", Enumerable.Range(0, 50).Select(i => i % 4 == 0 ? "a" : "b").ToArray()),
        ]);
        using (var ws = VigilWorkspace.Open(workspace))
        {
            ModelRegistration.Register(ws, "ext", new RegistrationRequest { Kind = ModelKind.External, Reference = reference, Label = "y", PredictionColumn = "pred" });
        }

        await using var server = await RunningServer.StartAsync(workspace: workspace);
        var response = await server.Writer.PostAsync("/api/v1/models/ext/predict", Body(new[] { new { id = "a", features = new { x = 1.0 } } }));
        Assert.Equal(409, (int)response.StatusCode);
        Assert.Contains("kind 'external'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static StringContent Body(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
