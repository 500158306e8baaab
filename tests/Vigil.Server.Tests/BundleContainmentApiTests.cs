using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vigil.Server.Tests;

/// <summary>
/// A bundle registered through the API — a folder in the workspace or an uploaded zip — whose manifest names a file
/// outside the bundle is refused with 422, and nothing is registered (issue #20, item 1). Beside the workspace lies a
/// valid copy of the model file, so only the containment rule can refuse the names that reach it.
/// </summary>
public sealed class BundleContainmentApiTests : IAsyncLifetime
{
    private RunningServer _server = null!;
    private string _outside = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync();
        _outside = Path.Combine(Path.GetDirectoryName(_server.Workspace)!, "vigil-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_outside);
        var template = Path.Combine(_outside, "template");
        TrainedModel.CopyInto(template, "b");
        File.Copy(Path.Combine(template, "b", "model.lightgbm.txt"), Path.Combine(_outside, "model.lightgbm.txt"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        RunningServer.TryDelete(_outside);
    }

    public static TheoryData<string> OutsideNames => ["absolute", "dot-dot", "/dev/zero", "/etc/hostname"];

    [Theory]
    [MemberData(nameof(OutsideNames))]
    public async Task AWorkspaceFolderWhoseManifestNamesAFileOutsideIsRefused(string kind)
    {
        var relative = TrainedModel.CopyInto(_server.Workspace, "imports/evil");
        SetMemberFile(Path.Combine(_server.Workspace, relative), MemberName(kind));
        var response = await _server.Writer.PostAsJsonAsync("/api/v1/models/churn/versions", new { path = relative });
        await AssertRefused(response);
    }

    [Theory]
    [MemberData(nameof(OutsideNames))]
    public async Task AnUploadedZipWhoseManifestNamesAFileOutsideIsRefused(string kind)
    {
        var folder = Path.Combine(_outside, "zip-source");
        TrainedModel.CopyInto(folder, "b");
        SetMemberFile(Path.Combine(folder, "b"), MemberName(kind));
        var zip = Path.Combine(_outside, "evil.zip");
        ZipFile.CreateFromDirectory(Path.Combine(folder, "b"), zip);
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(zip));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        await AssertRefused(await _server.Writer.PostAsync("/api/v1/models/churn/versions/upload", content));
    }

    [Fact]
    public async Task AWorkspaceFolderWithALinkedMemberIsRefused()
    {
        var relative = TrainedModel.CopyInto(_server.Workspace, "imports/linked");
        var member = Path.Combine(_server.Workspace, relative, "model.lightgbm.txt");
        File.Delete(member);
        File.CreateSymbolicLink(member, Path.Combine(_outside, "model.lightgbm.txt"));
        var response = await _server.Writer.PostAsJsonAsync("/api/v1/models/churn/versions", new { path = relative });
        var problem = await RunningServer.Expect(response, 400);
        Assert.Contains("symbolic link", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Empty((await RunningServer.Expect(await _server.Reader.GetAsync("/api/v1/models"), 200)).AsArray());
    }

    private async Task AssertRefused(HttpResponseMessage response)
    {
        var problem = await RunningServer.Expect(response, 422);
        var detail = (string)problem["detail"]!;
        Assert.Contains("not a relative path inside the bundle folder", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Workspace, detail, StringComparison.Ordinal);
        Assert.Empty((await RunningServer.Expect(await _server.Reader.GetAsync("/api/v1/models"), 200)).AsArray());
        Assert.False(Directory.Exists(Path.Combine(_server.Workspace, "models", "churn", "1")));
    }

    // Workspace folders (imports/evil) and unpacked uploads (.staging/upload-…) are both three levels below the
    // workspace's parent, where the outside copy lies.
    private string MemberName(string kind) => kind switch
    {
        "absolute" => Path.Combine(_outside, "model.lightgbm.txt"),
        "dot-dot" => "../../../" + Path.GetFileName(_outside) + "/model.lightgbm.txt",
        _ => kind,
    };

    private static void SetMemberFile(string bundle, string name)
    {
        var path = Path.Combine(bundle, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["members"]![0]!["file"] = name;
        File.WriteAllText(path, manifest.ToJsonString());
    }
}
