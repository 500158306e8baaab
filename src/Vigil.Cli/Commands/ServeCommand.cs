using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Vigil.Cli.Outputs;
using Vigil.Data.Text;
using Vigil.Server;
using Vigil.Server.Alerts;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil serve [--workspace DIR | --store LOCATION] [--urls URL] [--cluster]</c>: runs the monitoring service (API, scheduler, dashboard, metrics)
/// until Ctrl+C or SIGTERM, then stops gracefully. Everything else comes from appsettings.json, environment variables
/// (<c>Vigil__ApiKeys__0__Key</c>, ...) and <c>--Vigil:Section:Key=value</c> flags, as in any ASP.NET app.
/// </summary>
internal static class ServeCommand
{
    private const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var workspace = new Option<DirectoryInfo?>("--workspace", "-w") { Description = "Workspace folder (default: Vigil:Workspace from configuration, else .vigil)." }.WritesFolder();
        var store = new Option<string?>("--store")
        {
            Description = "Where the workspace lives: sqlite:DIR or a PostgreSQL connection string (default: Vigil:Store from configuration, else sqlite:.vigil). " +
                "With PostgreSQL, --workspace is not given: Vigil:Workspace is then this node's local folder (bundle cache).",
        };
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on, e.g. http://127.0.0.1:5080 (default: configuration, else http://127.0.0.1:5080)." };
        var cluster = new Option<bool>("--cluster")
        {
            Description = "Join a Vigil cluster (Orleans silo; membership through Vigil:Cluster:Redis): the models' checks and retrains are spread over the nodes. See docs/scale.md.",
        };
        var command = new Command("serve", "Run the monitoring service: JSON API, scheduled checks and retraining, dashboard, /metrics.") { workspace, store, urls, cluster };
        command.TreatUnmatchedTokensAsErrors = false; // extra --Section:Key=value flags go to ASP.NET configuration
        command.SetAction(parse =>
        {
            var args = new List<string>(parse.UnmatchedTokens);
            if (parse.GetValue(workspace) is { } folder)
            {
                if (parse.GetValue(store) is not null)
                {
                    parse.InvocationConfiguration.Error.WriteLine("error: give --workspace DIR or --store LOCATION, not both (--workspace DIR is --store sqlite:DIR).");
                    return ExitCodes.UsageOrInput;
                }

                args.Add("--Vigil:Workspace=" + folder.FullName);
            }

            if (parse.GetValue(store) is { } location)
            {
                args.Add("--Vigil:Store=" + location);
            }

            if (parse.GetValue(urls) is { } address)
            {
                args.Add("--urls=" + address);
            }

            if (parse.GetValue(cluster))
            {
                args.Add("--Vigil:Cluster:Enabled=true");
            }

            // Loopback by default: exposing the service is a deliberate choice (Urls in configuration or --urls).
            WebApplication? app = null;
            try
            {
                app = VigilServer.Build([.. args], builder =>
                {
                    if (string.IsNullOrEmpty(builder.Configuration["urls"]))
                    {
                        builder.WebHost.UseUrls(DefaultUrls);
                    }
                });
                app.Start();
            }
            catch (Exception e) when (IsStartupInputError(e))
            {
                ((IDisposable?)app)?.Dispose();
                parse.InvocationConfiguration.Error.WriteLine($"error: the service did not start: {PrintableText.Escape(e.Message)}");
                return ExitCodes.UsageOrInput;
            }

            using (app)
            {
                app.WaitForShutdown();
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    // Configuration a user wrote (a value of the wrong type, an invalid URL, failed validation) or an address
    // that cannot be bound: said in one line with exit code 2, not as a crash.
    private static bool IsStartupInputError(Exception e) => e switch
    {
        FormatException or OptionsValidationException or IOException or AlertConfigurationException or Vigil.Cluster.ClusterConfigurationException
            or Vigil.Monitoring.Workspace.WorkspaceInputException => true,
        InvalidOperationException { InnerException: FormatException or ArgumentException } => true, // configuration binding
        _ => false,
    };
}
