using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace Vigil.Server.Tests;

/// <summary>
/// <c>vigil serve</c> on the default SQLite workspace, on a small tmpfs that fills up during ingestion: the service
/// stays up and answers 507 naming the full disk (not 500), keeps every acknowledged row, and stores again once the
/// volume is enlarged. Needs root (it mounts the tmpfs); skipped with the reason otherwise.
/// </summary>
public sealed class DiskFullTests
{
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
            await using var serve = await KeyedServe.StartAsync(["--workspace", workspace], new Dictionary<string, string?> { ["Vigil:Scheduler:Enabled"] = "false" });
            await serve.RegisterTrainedModelAsync(Model, workspace);

            // Batches until the disk refuses one; 24 MB hold a few tens of thousands of rows.
            var acknowledged = 0;
            JsonNode? refusal = null;
            for (var batch = 0; batch < 1000 && refusal is null; batch++)
            {
                using var response = await serve.PostRowsAsync(Model, $"b{batch}", Rows);
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
            Assert.Equal(HttpStatusCode.OK, (await serve.Client.GetAsync("/health")).StatusCode);
            Assert.DoesNotContain("Unhandled error", serve.Process.Log, StringComparison.Ordinal);

            // More room: writes go in again, and every acknowledged row is there once.
            Assert.True(Run("mount", "-o", "remount,size=64m", workspace).Ok);
            Assert.Equal(Rows, await KeyedServe.InsertedAsync(await serve.PostRowsAsync(Model, "after", Rows)));
            var model = JsonNode.Parse(await serve.Client.GetStringAsync($"/api/v1/models/{Model}"))!;
            Assert.Equal(acknowledged + Rows, (long)model["rows"]!);
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
