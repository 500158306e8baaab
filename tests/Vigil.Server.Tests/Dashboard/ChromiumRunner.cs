using System.Diagnostics;

namespace Vigil.Server.Tests.Dashboard;

/// <summary>Runs headless Chromium once per call (dump the DOM or take a screenshot) and kills it if it hangs.</summary>
internal static class ChromiumRunner
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>The browser binary, or null when none is installed (the test then skips).</summary>
    public static string? Find() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    public static async Task<string> DumpDom(string chromium, Uri url) => (await Run(chromium, ["--dump-dom", url.AbsoluteUri])).Stdout;

    public static async Task Screenshot(string chromium, Uri url, string png, int height = 2000)
    {
        var (stdout, stderr) = await Run(chromium, ["--hide-scrollbars", "--window-size=1280," + height, "--screenshot=" + png, url.AbsoluteUri]);
        Assert.True(File.Exists(png), "no screenshot written\n" + stdout + "\n" + stderr);
    }

    private static async Task<(string Stdout, string Stderr)> Run(string chromium, IEnumerable<string> args)
    {
        var profile = Directory.CreateTempSubdirectory("vigil-chromium-").FullName;
        try
        {
            var info = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
            }.Concat(args.Any(a => a.StartsWith("--window-size=", StringComparison.Ordinal)) ? args : args.Prepend("--window-size=1280,2000")))
            {
                info.ArgumentList.Add(a);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("chromium did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within " + Limit.TotalSeconds + " s");
            }

            return (await stdout, await stderr);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be flushing its profile; it is a temp folder.
            }
        }
    }
}
