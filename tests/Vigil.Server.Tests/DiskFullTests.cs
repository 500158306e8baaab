using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Vigil.TestSupport;
using Vigil.TestSupport.Servers;

namespace Vigil.Server.Tests;

/// <summary>
/// <c>vigil serve</c> on the default SQLite workspace, on a small tmpfs that fills up during ingestion: the service
/// stays up and answers 507 naming the full disk (not 500), keeps every acknowledged row, and stores again once the
/// volume is enlarged. Needs root (it mounts the tmpfs); skipped with the reason otherwise.
/// </summary>
public sealed class DiskFullTests
{
    private const string Key = "disk-full-test-key-0123456789";
    private const string Model = "full";
    private const int Rows = 500;

    [SkippableFact]
    public async Task A_full_disk_refuses_writes_with_507_keeps_what_was_acknowledged_and_recovers()
    {
        var workspace = Directory.CreateTempSubdirectory("vigil-full-").FullName;
        Skip.IfNot(Environment.UserName == "root", "skipped: mounting a small tmpfs for the workspace needs root");
        var (mounted, output) = Run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", workspace);
        Skip.IfNot(mounted, $"skipped: cannot mount a tmpfs here: {output}");
        try
        {
            var port = LoopbackPort.Next();
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Vigil:ApiKeys:0:Key"] = Key,
                ["Vigil:ApiKeys:0:Scope"] = "write",
                ["Vigil:Scheduler:Enabled"] = "false",
            };
            using var serve = await ServeProcess.StartAsync(["--workspace", workspace, "--urls", $"http://127.0.0.1:{port}"], settings, client, TimeSpan.FromSeconds(60));
            try
            {
                using (var registered = await client.PostAsJsonAsync($"/api/v1/models/{Model}/versions", new { path = TrainedModel.CopyInto(workspace) }))
                {
                    Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
                }

                // Batches until the disk refuses one; 24 MB hold a few tens of thousands of rows.
                var acknowledged = 0;
                JsonNode? refusal = null;
                for (var batch = 0; batch < 1000 && refusal is null; batch++)
                {
                    using var response = await client.PostAsJsonAsync($"/api/v1/models/{Model}/predictions", TrainedModel.Rows(0, Rows, $"b{batch}-"));
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged += (int)JsonNode.Parse(text)!["inserted"]!;
                        continue;
                    }

                    Assert.True(response.StatusCode == (HttpStatusCode)507, $"{(int)response.StatusCode}: {text}");
                    refusal = JsonNode.Parse(text);
                }

                Assert.NotNull(refusal);
                Assert.Equal("Insufficient storage", (string?)refusal["title"]);
                Assert.True(acknowledged > 0);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
                Assert.DoesNotContain("Unhandled error", serve.Log, StringComparison.Ordinal);

                // More room: writes go in again, and every acknowledged row is there once.
                Assert.True(Run("mount", "-o", "remount,size=64m", workspace).Ok);
                using (var again = await client.PostAsJsonAsync($"/api/v1/models/{Model}/predictions", TrainedModel.Rows(0, Rows, "after-")))
                {
                    Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
                }

                var model = JsonNode.Parse(await client.GetStringAsync($"/api/v1/models/{Model}"))!;
                Assert.Equal(acknowledged + Rows, (long)model["rows"]!);
            }
            finally
            {
                await serve.KillAndWaitAsync();
            }
        }
        finally
        {
            Run("umount", "-l", workspace);
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static (bool Ok, string Output) Run(string command, params string[] arguments)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode == 0, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, e.Message);
        }
    }
}
