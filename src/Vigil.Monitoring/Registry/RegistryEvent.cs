namespace Vigil.Monitoring.Registry;

/// <summary>One entry of a model's registry history (table <c>registry_events</c>).</summary>
/// <param name="Id">Increasing with time; orders events that share an instant.</param>
/// <param name="Time">When it happened (UTC, workspace clock).</param>
/// <param name="FromVersion">Champion before the event, or null (see <see cref="RegistryEventKind"/>).</param>
/// <param name="ToVersion">Version the event is about (the new champion for promotions and rollbacks).</param>
public sealed record RegistryEvent(
    long Id,
    DateTimeOffset Time,
    string Model,
    RegistryEventKind Kind,
    int? FromVersion,
    int? ToVersion,
    string Reason,
    string Actor);
