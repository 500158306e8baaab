using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Monitoring;
using Vigil.Server.Api;

namespace Vigil.Server.Tests.Dashboard;

/// <summary>
/// A workspace in a temporary folder, filled once by <see cref="Populate"/>, then the real app on a loopback port over
/// it; stopped and deleted at the end. The dashboard fixtures differ only in what they put in the workspace.
/// </summary>
public abstract class WorkspaceServerFixture(string folderPrefix) : IAsyncLifetime
{
    private WebApplication? _app;

    public string Folder { get; } = Directory.CreateTempSubdirectory(folderPrefix).FullName;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Populate();
        _app = VigilServer.Build(["--urls", "http://127.0.0.1:0", "--Vigil:Workspace", Folder], b =>
        {
            // Use the API's workspace when it registers one; otherwise give the dashboard its own monitor.
            if (!b.Services.Any(d => d.ServiceType == typeof(VigilMonitor) || d.ServiceType == typeof(WorkspaceHost)))
            {
                b.Services.AddSingleton(_ => VigilMonitor.Open(Folder));
            }
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp folder is cleaned up by the OS.
        }
    }

    /// <summary>Fills the workspace before the app starts.</summary>
    protected abstract void Populate();
}
