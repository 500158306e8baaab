using System.Globalization;

namespace Vigil.Replay;

/// <summary><c>periodic:K</c>: retrains every K batches and always replaces the model (K = 1 is "every week").</summary>
public sealed class PeriodicStrategy : IReplayStrategy
{
    public PeriodicStrategy(int every)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        Every = every;
    }

    /// <summary>Batches between retrains.</summary>
    public int Every { get; }

    public string Name => "periodic:" + Every.ToString(CultureInfo.InvariantCulture);

    public ReplayDecision Decide(ReplayBatchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.BatchesSinceRetrain >= Every
            ? ReplayDecision.Replace(string.Create(CultureInfo.InvariantCulture, $"{context.BatchesSinceRetrain} batch(es) since the last retrain"))
            : ReplayDecision.Keep(string.Create(CultureInfo.InvariantCulture, $"{context.BatchesSinceRetrain} of {Every} batches"));
    }
}
