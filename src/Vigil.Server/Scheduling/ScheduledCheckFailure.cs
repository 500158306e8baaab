namespace Vigil.Server.Scheduling;

/// <summary>
/// A model whose scheduled checks fail: recorded once when the first attempt fails and updated by each retry (not one
/// record per attempt), cleared by the next check that succeeds. Shown as <c>scheduled_check_failure</c> on the
/// model in the API.
/// </summary>
/// <param name="Since">When the first failing attempt ran.</param>
/// <param name="LastAttemptAt">When the latest failing attempt ran.</param>
/// <param name="Attempts">Failing attempts so far (1 after the first).</param>
/// <param name="Error">The latest attempt's error, one line (exception type and message).</param>
/// <param name="NextAttemptAt">The scheduler does not try this model again before this instant (exponential backoff).</param>
public sealed record ScheduledCheckFailure(
    DateTimeOffset Since,
    DateTimeOffset LastAttemptAt,
    int Attempts,
    string Error,
    DateTimeOffset NextAttemptAt);
