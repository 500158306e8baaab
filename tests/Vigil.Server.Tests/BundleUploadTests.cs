using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Vigil.Server.Tests;

/// <summary>Registering a bundle sent as a zip archive, and every way an archive can be refused.</summary>
public sealed class BundleUploadTests : IAsyncLifetime
{
    private RunningServer _server = null!;
    private string _scratch = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(new() { ["Vigil:MaxBundleBytes"] = "50000000" });
        _scratch = Directory.CreateTempSubdirectory("vigil-upload-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        RunningServer.TryDelete(_scratch);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ZippedBundleIsRegisteredAndServesPredictions(bool withTopFolder)
    {
        var zip = ZipOfBundle(withTopFolder);
        var created = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/versions/upload?reason=from+CI", ZipBody(zip)), 201);
        Assert.Equal(1, (int)created["version"]!);
        Assert.True((bool)created["is_champion"]!);

        var model = await RunningServer.Expect(await _server.Reader.GetAsync("/api/v1/models/churn"), 200);
        Assert.Equal("from CI", (string)model["versions"]![0]!["reason"]!);
        var predict = new JsonArray(new JsonObject { ["features"] = TrainedModel.Rows(0, 1)[0]!["features"]!.DeepClone() });
        var scored = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/predict", RunningServer.Json(predict)), 200);
        Assert.Contains((string)scored["results"]![0]!["prediction"]!, new[] { "0", "1" });

        // A second upload is version 2, not champion unless asked.
        var second = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/versions/upload", ZipBody(zip)), 201);
        Assert.Equal(2, (int)second["version"]!);
        Assert.False((bool)second["is_champion"]!);
        AssertStagingEmpty();
    }

    [Fact]
    public async Task BadArchivesAreRefusedWithTheReasonAndLeaveNothingBehind()
    {
        var escape = Zip(("manifest.json", "{}"), ("../../outside.txt", "x"));
        var problem = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/m/versions/upload", ZipBody(escape)), 422);
        Assert.Contains("outside the bundle folder", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_server.Workspace, "outside.txt")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_server.Workspace)!, "outside.txt")));

        var notZip = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/m/versions/upload", ZipBody("not a zip"u8.ToArray())), 422);
        Assert.Contains("not a readable zip archive", (string)notZip["detail"]!, StringComparison.Ordinal);

        var noManifest = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/m/versions/upload", ZipBody(Zip(("readme.txt", "hi")))), 422);
        Assert.Contains("manifest.json", (string)noManifest["detail"]!, StringComparison.Ordinal);

        // 60 MB of zeros compresses to a few tens of kilobytes: refused before anything is unpacked.
        var bomb = ZipWithZeros(60_000_000);
        var tooBig = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/m/versions/upload", ZipBody(bomb)), 422);
        Assert.Contains("MaxBundleBytes", (string)tooBig["detail"]!, StringComparison.Ordinal);

        var json = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/m/versions/upload", json), 415);
        await RunningServer.Expect(await _server.Reader.PostAsync("/api/v1/models/m/versions/upload", ZipBody(ZipOfBundle(false))), 403);
        await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/.hidden/versions/upload", ZipBody(ZipOfBundle(false))), 400);

        var models = await RunningServer.Expect(await _server.Reader.GetAsync("/api/v1/models"), 200);
        Assert.Empty(models.AsArray());
        AssertStagingEmpty();
    }

    [Theory]
    [InlineData("manifest.json", "manifest.json", "'manifest.json' appears twice")]
    [InlineData("manifest.json", "MANIFEST.json", "'MANIFEST.json' appears twice")]
    [InlineData("model", "model/part.txt", "'model' is both a file and a folder")]
    [InlineData("model/part.txt", "model", "'model' is both a file and a folder")]
    [InlineData("model/", "model", "'model' is both a file and a folder")]
    public async Task AnArchiveWithClashingEntriesIsRefusedNamingTheEntry(string first, string second, string expected)
    {
        var zip = Zip(("featurizer.json", "{}"), (first, first.EndsWith('/') ? "" : "x"), (second, "y"));
        var problem = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/m/versions/upload", ZipBody(zip)), 422);
        Assert.Contains(expected, (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Empty((await RunningServer.Expect(await _server.Reader.GetAsync("/api/v1/models"), 200)).AsArray());
        AssertStagingEmpty();
    }

    [Fact]
    public async Task AnArchiveWithMoreEntriesThanABundleHasIsRefused()
    {
        var entries = Enumerable.Range(0, 1001).Select(i => ($"f{i}.txt", "x")).ToArray();
        var problem = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/m/versions/upload", ZipBody(Zip(entries))), 422);
        Assert.Contains("1001 entries; a model bundle has at most 1000", (string)problem["detail"]!, StringComparison.Ordinal);
        AssertStagingEmpty();
    }

    private void AssertStagingEmpty()
    {
        var staging = Path.Combine(_server.Workspace, ".staging");
        Assert.True(!Directory.Exists(staging) || !Directory.EnumerateFileSystemEntries(staging).Any(),
            "staging folder not cleaned: " + string.Join(", ", Directory.EnumerateFileSystemEntries(staging)));
    }

    private byte[] ZipOfBundle(bool withTopFolder)
    {
        var source = Path.Combine(_scratch, "bundle-" + Guid.NewGuid().ToString("N"));
        TrainedModel.CopyInto(source, "model");
        var path = Path.Combine(_scratch, Guid.NewGuid().ToString("N") + ".zip");
        ZipFile.CreateFromDirectory(Path.Combine(source, "model"), path, CompressionLevel.Fastest, includeBaseDirectory: withTopFolder);
        return File.ReadAllBytes(path);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                if (!name.EndsWith('/'))
                {
                    writer.Write(text);
                }
            }
        }

        return memory.ToArray();
    }

    private static byte[] ZipWithZeros(int bytes)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
            {
                writer.Write("{}");
            }

            using var stream = zip.CreateEntry("model.zip", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var written = 0; written < bytes; written += zeros.Length)
            {
                stream.Write(zeros, 0, Math.Min(zeros.Length, bytes - written));
            }
        }

        return memory.ToArray();
    }

    private static ByteArrayContent ZipBody(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }
}
