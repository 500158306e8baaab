using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// The service reads bodies uncompressed. A client that gzips its JSON (and says so in Content-Encoding) got
/// "not valid UTF-8 at byte offset 1", which does not point at the header; it gets 415 naming it, nothing stored.
/// </summary>
public sealed class ContentEncodingTests
{
    [Fact]
    public async Task A_compressed_json_body_is_415_naming_the_content_encoding()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RegisterAsync("churn");
        foreach (var (url, json) in new[]
                 {
                     ("/api/v1/models/churn/predictions", TrainedModel.Rows(0, 3).ToJsonString()),
                     ("/api/v1/models/churn/labels", TrainedModel.Labels(0, 3).ToJsonString()),
                     ("/api/v1/models/churn/checks", "{\"last\":10}"),
                 })
        {
            using var content = new ByteArrayContent(Gzip(json));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.ContentEncoding.Add("gzip");
            var problem = await RunningServer.Expect(await server.Writer.PostAsync(url, content), 415);
            Assert.Contains("Content-Encoding 'gzip'", (string)problem["detail"]!, StringComparison.Ordinal);
        }

        var model = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn"), 200);
        Assert.Equal(0, (long)model["rows"]!);
        Assert.Equal(0, (long)model["pending_labels"]!);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
