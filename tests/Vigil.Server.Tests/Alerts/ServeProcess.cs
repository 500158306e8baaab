using System.Diagnostics;

namespace Vigil.Server.Tests.Alerts;

/// <summary>`vigil serve` as a child process (the built src/Vigil.Cli), so a test can SIGKILL it and start it again.</summary>
internal static class ServeProcess
{
    public static async Task<Process> StartAsync(string workspace, int port, HttpClient client, IReadOnlyDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { VigilDll(), "serve", "--workspace", workspace, "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Vigil__ApiKeys__0__Key"] = RunningServer.WriteKey;
        info.Environment["Vigil__ApiKeys__0__Scope"] = "write";
        info.Environment["Vigil__Scheduler__Enabled"] = "false";
        info.Environment["Vigil__Retention__Enabled"] = "false";
        foreach (var (key, value) in environment)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info)!;
        var stderr = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => stderr.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var ready = await client.GetAsync("/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.False(process.HasExited, $"vigil serve exited early: {stderr}");
            await Task.Delay(100); // polling a child process for readiness: there is no event to wait on
        }

        process.Kill();
        throw new TimeoutException("vigil serve did not become ready in 60 s.");
    }

    // bin/<Configuration>/net10.0 of this test project → the same configuration of src/Vigil.Cli.
    private static string VigilDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "Vigil.Cli", "bin", configuration, framework, "vigil.dll");
        Assert.True(File.Exists(dll), $"Build src/Vigil.Cli first: {dll} is missing.");
        return dll;
    }
}
