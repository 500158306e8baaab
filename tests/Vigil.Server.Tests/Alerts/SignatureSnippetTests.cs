using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Monitoring.Alerts;
using Vigil.Server.Alerts;
using Vigil.TestSupport;

namespace Vigil.Server.Tests.Alerts;

/// <summary>
/// The Python verification snippet of docs/alerts.md, run as printed with /usr/bin/python3, accepts a body Vigil
/// signed (with non-ASCII text, so UTF-8 matters) and refuses a tampered body and a wrong secret. Skips without python3.
/// </summary>
public sealed partial class SignatureSnippetTests
{
    private const string Python = "/usr/bin/python3";

    [SkippableFact]
    public async Task The_documented_python_snippet_verifies_a_vigil_signature()
    {
        Skip.IfNot(File.Exists(Python), "python3 is not installed at /usr/bin/python3.");
        var doc = await File.ReadAllTextAsync(Path.Combine(SharedData.RepositoryRoot, "docs", "alerts.md"));
        var snippet = Snippet().Match(doc);
        Assert.True(snippet.Success, "docs/alerts.md has no tested ```python block");

        var folder = Directory.CreateTempSubdirectory("vigil-snippet-").FullName;
        try
        {
            var script = Path.Combine(folder, "verify.py");
            await File.WriteAllTextAsync(script, snippet.Groups[1].Value +
                "\nimport sys\nprint('valid' if verify(sys.argv[2], open(sys.argv[1], 'rb').read(), sys.argv[3]) else 'invalid')\n");
            var body = WebhookPayload.Render(new Alert
            {
                Key = Guid.NewGuid().ToString("D"),
                Model = "churn",
                Kind = AlertKind.Alarm,
                Severity = AlertSeverity.Alarm,
                Title = "churn: alarm",
                Text = "drift in café_größe → 62 % ✓",
            }, WebhookFormat.Generic);
            var signature = WebhookSignature.Sign(Encoding.UTF8.GetBytes(AlertTestSupport.Secret), body);
            var signed = Path.Combine(folder, "body.json");
            await File.WriteAllBytesAsync(signed, body);
            var tampered = Path.Combine(folder, "tampered.json");
            await File.WriteAllBytesAsync(tampered, [.. body[..^1], (byte)' ']);

            Assert.Equal("valid", await RunAsync(script, signed, AlertTestSupport.Secret, signature));
            Assert.Equal("invalid", await RunAsync(script, tampered, AlertTestSupport.Secret, signature));
            Assert.Equal("invalid", await RunAsync(script, signed, AlertTestSupport.Secret + "x", signature));
        }
        finally
        {
            RunningServer.TryDelete(folder);
        }
    }

    private static async Task<string> RunAsync(string script, string body, string secret, string signature)
    {
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, body, secret, signature })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"python3 failed: {error}");
        return output.Trim();
    }

    [GeneratedRegex(@"<!-- tested: [^\n]*SignatureSnippetTests[^\n]*-->\s*```python\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Snippet();
}
