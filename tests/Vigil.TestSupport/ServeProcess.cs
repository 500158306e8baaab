using System.Diagnostics;
using System.Text;
using Xunit;

namespace Vigil.TestSupport;

/// <summary>
/// <c>vigil serve</c> as a child process (the built src/Vigil.Cli of the test's configuration), so a test can
/// SIGKILL it and start it again. Its standard error (and output) are kept for the failure message.
/// </summary>
public sealed class ServeProcess : IDisposable
{
    private readonly StringBuilder _log = new();

    private ServeProcess(Process process)
    {
        Process = process;
    }

    public Process Process { get; }

    /// <summary>What the process wrote so far (standard error and output, interleaved).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>vigil serve</c> with <paramref name="arguments"/> (after <c>serve</c>) and the environment variables
    /// given (a <c>:</c> in a key becomes <c>__</c>), and waits until <paramref name="client"/>'s <c>/ready</c> answers
    /// 2xx, the process exits (the test fails with its log) or <paramref name="timeout"/> passes.
    /// </summary>
    public static async Task<ServeProcess> StartAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, HttpClient client, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(client);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(VigilDll());
        info.ArgumentList.Add("serve");
        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var serve = new ServeProcess(Process.Start(info)!);
        serve.Process.OutputDataReceived += (_, e) => serve.Append(e.Data);
        serve.Process.ErrorDataReceived += (_, e) => serve.Append(e.Data);
        serve.Process.BeginOutputReadLine();
        serve.Process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var ready = await client.GetAsync("/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return serve;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Assert.False(serve.Process.HasExited, $"vigil serve exited early: {serve.Log}");
            await Task.Delay(100); // polling a child process for readiness: there is no event to wait on
        }

        serve.Kill();
        throw new TimeoutException($"vigil serve did not become ready in {timeout.TotalSeconds:0} s: {serve.Log}");
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        try
        {
            Process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    /// <summary>Kills the process (if it runs) and waits until it has exited.</summary>
    public async Task KillAndWaitAsync()
    {
        Kill();
        await Process.WaitForExitAsync();
    }

    public void Dispose()
    {
        Kill();
        Process.Dispose();
    }

    // bin/<Configuration>/net10.0 of the test project → the same configuration of src/Vigil.Cli.
    public static string VigilDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var dll = Path.Combine(SharedData.RepositoryRoot, "src", "Vigil.Cli", "bin", configuration, framework, "vigil.dll");
        Assert.True(File.Exists(dll), $"Build src/Vigil.Cli first: {dll} is missing.");
        return dll;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
