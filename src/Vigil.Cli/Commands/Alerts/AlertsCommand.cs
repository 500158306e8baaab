using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data.Text;
using Vigil.Monitoring.Alerts;
using Vigil.Server.Alerts;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>
/// <c>vigil alerts test --channel NAME</c>: reads the service's configuration (appsettings.json, environment variables,
/// <c>--Vigil:Section:Key=value</c> flags, exactly as <c>vigil serve</c> does), validates every channel as the service
/// would at start, and sends one signed test message through the same delivery path. Exit 0 when the receiver
/// answered 2xx, 1 when it did not (the line says why), 2 for a configuration mistake or an unknown channel.
/// </summary>
internal static class AlertsCommand
{
    public static Command Create()
    {
        var command = new Command("alerts", "Alert channels (webhooks to Slack, Teams or any HTTP receiver): send a test message.");
        command.Subcommands.Add(Test());
        return command;
    }

    private static Command Test()
    {
        var channel = new Option<string>("--channel", "-c") { Description = "Name of the channel (Vigil:Alerts:Webhooks:N:Name).", Required = true };
        var command = new Command("test", "Send a test alert to a configured channel and report whether it was accepted.") { channel };
        command.TreatUnmatchedTokensAsErrors = false; // --Vigil:Section:Key=value flags go to configuration, as for 'serve'
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(channel)!;
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            AlertSettings settings;
            try
            {
                settings = AlertSettings.Read(WebApplication.CreateBuilder([.. parse.UnmatchedTokens]).Configuration);
            }
            catch (AlertConfigurationException e)
            {
                error.WriteLine($"error: {PrintableText.Escape(e.Message)}");
                return ExitCodes.UsageOrInput;
            }

            if (settings.Channel(name) is not { } target)
            {
                error.WriteLine(PrintableText.Escape(settings.Webhooks.Count == 0
                    ? $"error: no alert channels are configured (Vigil:Alerts:Webhooks), so there is no channel '{name}'."
                    : $"error: there is no alert channel '{name}'; channels: {string.Join(", ", settings.Webhooks.Select(c => c.Name))}."));
                return ExitCodes.UsageOrInput;
            }

            var services = new ServiceCollection().AddVigilAlertDelivery(settings).BuildServiceProvider();
            await using (services)
            {
                var result = await services.GetRequiredService<WebhookSender>().SendAsync(target, TestAlert(target), cancellationToken);
                var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
                if (result.Delivered)
                {
                    output.WriteLine($"Sent a test alert to channel '{target.Name}' ({target.Format.ToString().ToLowerInvariant()}, {target.SafeUrl}): HTTP {result.Status} in {seconds} s.");
                    return ExitCodes.Ok;
                }

                error.WriteLine(PrintableText.Escape(
                    $"error: channel '{target.Name}' ({target.SafeUrl}) did not accept the test alert: {result.Error} (after {seconds} s, with {settings.RetriesPerAttempt} quick retries)."));
                return ExitCodes.Alarm;
            }
        });
        return command;
    }

    private static Alert TestAlert(WebhookChannel channel) => new()
    {
        Key = Guid.NewGuid().ToString("D"),
        CreatedAt = DateTimeOffset.UtcNow,
        Model = "vigil",
        Kind = AlertKind.Test,
        Severity = AlertSeverity.Info,
        Title = $"Vigil test alert for channel '{channel.Name}'",
        Text = $"If you can read this, channel '{channel.Name}' receives Vigil's alerts. Sent by 'vigil alerts test' from {Environment.MachineName}.",
        Routed = true,
    };
}
