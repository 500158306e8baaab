using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Vigil.Data.Csv;
using Vigil.Data.Synthetic;
using Vigil.Server;

namespace Vigil.Cli.Tests;

/// <summary>
/// The upload flow of docs/server.md, step by step: <c>vigil train --out model</c>, <c>cd model &amp;&amp; zip -r
/// ../model.zip .</c>, POST the zip to <c>versions/upload</c>; then the model serves predictions and can be checked
/// (issue #20, item 7: the bundle used to lack its reference profile and was refused with 422).
/// </summary>
public sealed class DocumentedUploadFlowTests : IDisposable
{
    private const string Key = "doc-flow-write-key";

    private readonly string _scratch = Directory.CreateTempSubdirectory("vigil-doc-flow-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task ABundleWrittenByTrainOutIsRegisteredWhenZippedAndUploaded()
    {
        var data = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Samples = 600, Features = 4, Informative = 3, Redundant = 0, ClassSeparation = 1.5, Seed = 5, LabelName = "churned",
        });
        CsvTableWriter.Write(data, Path.Combine(_scratch, "train.csv"));

        // vigil train --data train.csv --label churned --time-budget 10 --out model
        var (code, stdout, stderr) = CliRunner.Run(
            "train", "--data", Path.Combine(_scratch, "train.csv"), "--label", "churned", "--time-budget", "10", "--out", Path.Combine(_scratch, "model"));
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("ready to register", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_scratch, "model", "profile.json")));

        // cd model && zip -r ../model.zip .
        Zip(Path.Combine(_scratch, "model"), Path.Combine(_scratch, "model.zip"));

        // curl -H "X-Api-Key: $KEY" -H "Content-Type: application/zip" --data-binary @model.zip ".../models/churn/versions/upload?reason=weekly"
        await using var app = VigilServer.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Vigil:Workspace"] = Path.Combine(_scratch, "workspace"),
                ["Vigil:ApiKeys:0:Name"] = "ci",
                ["Vigil:ApiKeys:0:Key"] = Key,
                ["Vigil:ApiKeys:0:Scope"] = "write",
                ["Vigil:Scheduler:Enabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var body = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(_scratch, "model.zip")));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var created = await Expect(await client.PostAsync("/api/v1/models/churn/versions/upload?reason=weekly", body), 201);
        Assert.Equal(1, (int)created["version"]!);
        Assert.True((bool)created["is_champion"]!);
        Assert.True((bool)created["has_profile"]!);

        // The uploaded champion scores rows, and a check against its reference profile runs.
        var rows = new JsonArray();
        for (var i = 0; i < 50; i++)
        {
            var features = new JsonObject();
            foreach (var column in data.Columns.Where(c => c.Name != "churned"))
            {
                features[column.Name] = double.Parse(column.FormatCell(i)!, System.Globalization.CultureInfo.InvariantCulture);
            }

            rows.Add(new JsonObject { ["id"] = "r" + i, ["features"] = features });
        }

        var scored = await Expect(await client.PostAsync("/api/v1/models/churn/predict", Json(rows)), 200);
        Assert.Equal(50, scored["results"]!.AsArray().Count);
        var check = await Expect(await client.PostAsync("/api/v1/models/churn/checks", Json(new JsonObject { ["last"] = 50 })), 201);
        Assert.NotNull(check["result"]);
        await app.StopAsync();
    }

    // The `zip` tool when it is installed (as in the docs), else the same archive made by .NET.
    private static void Zip(string folder, string archive)
    {
        try
        {
            using var zip = Process.Start(new ProcessStartInfo("zip", ["-q", "-r", archive, "."]) { WorkingDirectory = folder })!;
            zip.WaitForExit();
            Assert.Equal(0, zip.ExitCode);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            ZipFile.CreateFromDirectory(folder, archive);
        }
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static async Task<JsonNode> Expect(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
