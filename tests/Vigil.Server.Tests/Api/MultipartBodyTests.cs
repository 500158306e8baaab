using System.Net.Http.Headers;
using System.Text;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// A multipart body that ends before its closing boundary (a client cut off, a hand-written request) was a 500 on
/// both endpoints that take files: the framework's form reader throws a bare IOException for it. It is the caller's
/// mistake: 400 saying what is missing, and nothing registered or fitted.
/// </summary>
public sealed class MultipartBodyTests
{
    public static TheoryData<string> Bodies() => new()
    {
        "garbage",
        "--xx\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nexternal\r\n",
        "--xx\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.csv\"\r\n\r\nf0,f1\r\n1,2",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_multipart_body_without_its_closing_boundary_is_400(string body)
    {
        await using var server = await RunningServer.StartAsync();
        await server.RegisterAsync("churn");
        foreach (var url in new[] { "/api/v1/models/logged/versions/register", "/api/v1/models/churn/versions/1/estimator" })
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xx");
            var problem = await RunningServer.Expect(await server.Writer.PostAsync(url, content), 400);
            Assert.Contains("multipart body cannot be read", (string)problem["detail"]!, StringComparison.Ordinal);
        }

        await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/logged"), 404);
        var estimator = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/versions/1/estimator"), 200);
        Assert.NotEqual("refitted", (string?)estimator["source"]);
    }
}
