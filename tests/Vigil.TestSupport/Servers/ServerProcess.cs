using System.Diagnostics;
using System.Text;

namespace Vigil.TestSupport.Servers;

/// <summary>
/// A server binary (PostgreSQL, Redis) started by the tests: its output kept for the skip or failure message, and
/// stopped when the test process exits. When the tests run as root the server runs as <c>runAs</c> (PostgreSQL
/// refuses to run as root).
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process)
    {
        _process = process;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Process id of the server (of <c>runuser</c> when it runs as another user).</summary>
    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ServerProcess Start(string file, IEnumerable<string> arguments, string? runAs)
    {
        var info = Command(file, arguments, runAs);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// Runs <paramref name="stopScript"/> (bash) once this test process is gone, however it ends: the test host is
    /// often killed by the runner, so ProcessExit handlers do not run reliably, and a server must not outlive it.
    /// </summary>
    public static void StopWhenTestsEnd(string stopScript)
    {
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = false };
        info.ArgumentList.Add("bash");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 0.5; done; {stopScript}");
        using var watchdog = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server watchdog.");
    }

    /// <summary>Runs a setup command (initdb) to its end; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, string? runAs, TimeSpan timeout)
    {
        var info = Command(file, arguments, runAs);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} did not finish in {timeout.TotalSeconds:0} s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static bool IsRoot => Environment.UserName == "root";

    private static ProcessStartInfo Command(string file, IEnumerable<string> arguments, string? runAs)
    {
        ProcessStartInfo info;
        if (runAs is not null && IsRoot)
        {
            info = new ProcessStartInfo("runuser") { UseShellExecute = false };
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add(runAs);
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(file);
        }
        else
        {
            info = new ProcessStartInfo(file) { UseShellExecute = false };
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Keep the tail only: a chatty server must not grow the test process without bound.
            if (_output.Length > 64_000)
            {
                _output.Remove(0, 32_000);
            }

            _output.AppendLine(line);
        }
    }

    /// <summary>SIGTERM (a clean shutdown for both servers), then a kill if it does not stop in 10 s.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                // runuser forwards SIGTERM to the server it started.
                _ = ServerProcess.Run("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], runAs: null, TimeSpan.FromSeconds(5));
                if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
