using Microsoft.Extensions.DependencyInjection;
using Vigil.Monitoring.Workspace;
using Vigil.Server.Api;

namespace Vigil.Server.Tests;

/// <summary><c>Vigil:Durability</c> reaches the workspace (the pragma itself is checked in the Monitoring tests).</summary>
public sealed class DurabilitySettingTests
{
    [Theory]
    [InlineData(null, WorkspaceDurability.Full)]
    [InlineData("Normal", WorkspaceDurability.Normal)]
    public async Task ConfigurationChoosesTheWorkspaceDurability(string? setting, WorkspaceDurability expected)
    {
        var settings = setting is null ? null : new Dictionary<string, string?> { ["Vigil:Durability"] = setting };
        await using var server = await RunningServer.StartAsync(settings);
        Assert.Equal(expected, server.Services.GetRequiredService<WorkspaceHost>().Monitor.Options.Durability);
        await RunningServer.Expect(await server.Reader.GetAsync("/health"), 200);
    }
}
