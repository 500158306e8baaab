namespace Vigil.Server.Scheduling;

/// <summary>
/// Where the API reads a model's <c>scheduled_check_failure</c>: from whatever schedules its checks — this process's
/// <see cref="SchedulerCursor"/>, or in a cluster the model's grain (the node that answers may not be the one that
/// checks the model).
/// </summary>
internal interface IScheduledCheckFailures
{
    /// <summary>The failure of <paramref name="model"/>'s scheduled checks, or null when the last one succeeded.</summary>
    Task<ScheduledCheckFailure?> Of(string model);
}
