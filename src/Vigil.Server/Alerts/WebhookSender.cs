using System.Diagnostics;
using System.Net.Http.Headers;
using Polly.Timeout;
using Vigil.Monitoring.Alerts;

namespace Vigil.Server.Alerts;

/// <summary>
/// Sends one alert to one channel: the body in the channel's format, signed (<see cref="WebhookSignature"/>), with the
/// alert's key as <c>Idempotency-Key</c>, through the <see cref="ClientName"/> client whose resilience pipeline
/// (Microsoft.Extensions.Http.Resilience) retries blips with exponential backoff and bounds every request with a
/// timeout. Used by the dispatcher and by <c>vigil alerts test</c>.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients)
{
    /// <summary>The named HttpClient alerts go through.</summary>
    public const string ClientName = "vigil-alerts";

    public const string IdempotencyHeader = "Idempotency-Key";

    public const string EventHeader = "X-Vigil-Event";

    public async Task<DeliveryResult> SendAsync(WebhookChannel channel, Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(alert);
        var body = WebhookPayload.Render(alert, channel.Format);
        using var request = new HttpRequestMessage(HttpMethod.Post, channel.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(IdempotencyHeader, alert.Key);
        request.Headers.Add(EventHeader, alert.Kind.Name());
        if (channel.Secret is { } secret)
        {
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, body));
        }

        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new DeliveryResult(true, status, null, watch.Elapsed)
                : new DeliveryResult(false, status, $"HTTP {status} {response.ReasonPhrase}".TrimEnd(), watch.Elapsed);
        }
        catch (TimeoutRejectedException)
        {
            return new DeliveryResult(false, null, "no answer within the attempt timeout", watch.Elapsed);
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult(false, null, OneLine(e), watch.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(false, null, "the request timed out", watch.Elapsed);
        }
    }

    private static string OneLine(Exception e)
    {
        var text = (e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message).ReplaceLineEndings(" ");
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
