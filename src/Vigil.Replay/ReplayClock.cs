namespace Vigil.Replay;

/// <summary>Simulated time of one strategy's replay: moves only when a batch ends, so time-based gates see production time.</summary>
internal sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;
}
