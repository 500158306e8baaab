namespace Vigil.Cli.Commands.Demo;

/// <summary>A clock the demo moves by hand, so five "weeks" of monitoring pass in seconds with real dates in the history.</summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
