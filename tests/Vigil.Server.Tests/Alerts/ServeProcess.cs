using System.Diagnostics;

namespace Vigil.Server.Tests.Alerts;

/// <summary>`vigil serve` as a child process with the tests' write key and no scheduler (<see cref="Vigil.TestSupport.ServeProcess"/>).</summary>
internal static class ServeProcess
{
    public static async Task<Process> StartAsync(string workspace, int port, HttpClient client, IReadOnlyDictionary<string, string?> environment,
        TimeSpan? timeout = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Vigil:ApiKeys:0:Key"] = RunningServer.WriteKey,
            ["Vigil:ApiKeys:0:Scope"] = "write",
            ["Vigil:Scheduler:Enabled"] = "false",
            // Test rows carry fixed past timestamps: a retention pass would delete them mid-test.
            ["Vigil:Retention:Enabled"] = "false",
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        var serve = await Vigil.TestSupport.ServeProcess.StartAsync(
            ["--workspace", workspace, "--urls", $"http://127.0.0.1:{port}"], settings, client, timeout ?? TimeSpan.FromSeconds(60));
        return serve.Process;
    }
}
