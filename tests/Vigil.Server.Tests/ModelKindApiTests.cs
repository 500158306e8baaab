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
/// /predict on an external champion is 409 naming the kind, and logged rows of an external model are checked. An ONNX
/// model uploaded through <c>POST …/versions/register</c> (multipart) then predicts what scikit-learn predicted.
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

    [SkippableFact]
    public async Task AnOnnxModelRegisteredThroughTheApi_PredictsWhatScikitLearnPredicted()
    {
        var models = SharedData.RequireDirectory("models");
        var train = CsvTableReader.Read(SharedData.RequireFile("datasets/elec/train.csv"));
        var test = CsvTableReader.Read(SharedData.RequireFile("datasets/elec/test.csv"));
        var expected = CsvTableReader.Read(Path.Combine(models, "elec-logreg.expected.csv"));
        var features = File.ReadAllLines(Path.Combine(models, "elec-logreg.features.txt")).Where(l => l.Trim().Length > 0).ToArray();
        var workspace = Directory.CreateTempSubdirectory("vigil-kinds-api-").FullName;
        await using var server = await RunningServer.StartAsync(workspace: workspace);

        using var form = new MultipartFormDataContent
        {
            { new StringContent("onnx"), "kind" },
            { new StringContent("class"), "label" },
            { new StringContent(string.Join(",", features)), "features" },
            { new ByteArrayContent(File.ReadAllBytes(Path.Combine(models, "elec-logreg.onnx"))), "model", "elec-logreg.onnx" },
            { Csv(train.Slice(0, 2000)), "reference", "train.csv" },
            { Csv(test.Slice(2000, 1000)), "holdout", "holdout.csv" },
        };
        var registered = await server.Writer.PostAsync("/api/v1/models/elec/versions/register", form);
        var answer = await registered.Content.ReadAsStringAsync();
        Assert.True(registered.StatusCode == System.Net.HttpStatusCode.Created, answer);
        var model = await server.Reader.GetStringAsync("/api/v1/models/elec");
        Assert.Contains("\"kind\":\"onnx\"", model, StringComparison.Ordinal);

        // Single-row calls (the latency path) and one batch, against scikit-learn's probabilities and labels.
        const int Rows = 60;
        JsonElement[] Predict(HttpResponseMessage response, string body)
        {
            Assert.True(response.IsSuccessStatusCode, body);
            return JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray().ToArray();
        }

        var batch = await server.Writer.PostAsync("/api/v1/models/elec/predict", Body(Enumerable.Range(0, Rows).Select(i => Row(test, features, i)).ToArray()));
        var results = Predict(batch, await batch.Content.ReadAsStringAsync());
        for (var i = 0; i < Rows; i++)
        {
            var one = await server.Writer.PostAsync("/api/v1/models/elec/predict", Body(new[] { Row(test, features, i) }));
            var single = Predict(one, await one.Content.ReadAsStringAsync())[0];
            foreach (var result in new[] { results[i], single })
            {
                Assert.InRange(Math.Abs(result.GetProperty("score").GetDouble() - ((NumericColumn)expected["p_1"])[i]), 0, 1e-5);
                Assert.Equal(expected["label"].FormatCell(i), result.GetProperty("prediction").GetString());
            }
        }
    }

    [Fact]
    public async Task ClassesGivenThroughTheApi_NameTheTensorsColumns_AndAMismatchIs422()
    {
        var workspace = Directory.CreateTempSubdirectory("vigil-kinds-api-").FullName;
        await using var server = await RunningServer.StartAsync(workspace: workspace);
        MultipartFormDataContent Form(string classes) => new()
        {
            { new StringContent("onnx"), "kind" },
            { new StringContent("tier"), "label" },
            { new StringContent("t1,t2,t3"), "features" },
            { new StringContent(classes), "classes" },
            { new ByteArrayContent(File.ReadAllBytes(Fixture("tier-tensor.onnx"))), "model", "tier.onnx" },
            { new ByteArrayContent(File.ReadAllBytes(Fixture("tier-tensor.reference.csv"))), "reference", "reference.csv" },
        };

        using var wrong = Form("bronze,gold");
        var refused = await server.Writer.PostAsync("/api/v1/models/tier/versions/register", wrong);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Equal(422, (int)refused.StatusCode);
        Assert.Contains("has 3 probability columns", problem, StringComparison.Ordinal);
        Assert.Equal(404, (int)(await server.Reader.GetAsync("/api/v1/models/tier")).StatusCode);

        using var right = Form("bronze,gold,silver");
        var registered = await server.Writer.PostAsync("/api/v1/models/tier/versions/register", right);
        Assert.True(registered.StatusCode == System.Net.HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var data = CsvTableReader.Read(Fixture("tier-tensor.data.csv"));
        var expected = CsvTableReader.Read(Fixture("tier-tensor.expected.csv"));
        var response = await server.Writer.PostAsync("/api/v1/models/tier/predict", Body(Enumerable.Range(0, 10).Select(i => Row(data, ["t1", "t2", "t3"], i)).ToArray()));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var results = JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray().ToArray();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(expected["label"].FormatCell(i), results[i].GetProperty("prediction").GetString());
        }
    }

    private static object Row(Table data, IEnumerable<string> features, int i) => new
    {
        id = "t" + i.ToString(CultureInfo.InvariantCulture),
        features = features.ToDictionary(f => f, f => (object?)((NumericColumn)data[f])[i]),
    };

    private static ByteArrayContent Csv(Table table)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        CsvTableWriter.Write(table, text);
        return new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
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
