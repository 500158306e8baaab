using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Server.Tests;

/// <summary>
/// The service reads appsettings*.json once: a watched file would make the content root (the working folder, where
/// the default workspace lives) watched recursively, and every store write would wake the watcher.
/// </summary>
public sealed class ConfigurationWatchTests
{
    [Fact]
    public async Task NoConfigurationFileIsWatchedForChanges()
    {
        await using var server = await RunningServer.StartAsync();
        var root = (IConfigurationRoot)server.Services.GetRequiredService<IConfiguration>();
        var files = root.Providers.OfType<JsonConfigurationProvider>().ToArray();

        Assert.NotEmpty(files); // appsettings.json and appsettings.{Environment}.json are still read
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched for changes"));
    }
}
