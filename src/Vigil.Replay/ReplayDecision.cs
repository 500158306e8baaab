namespace Vigil.Replay;

/// <summary>A strategy's verdict after a batch's labels are revealed.</summary>
/// <param name="Retrain">Whether to retrain now.</param>
/// <param name="Mode">How the new model is adopted when <paramref name="Retrain"/>.</param>
/// <param name="Reason">Why, in words (kept in the per-batch series).</param>
public sealed record ReplayDecision(bool Retrain, RetrainMode Mode, string Reason)
{
    public static ReplayDecision Keep(string reason) => new(false, RetrainMode.Replace, reason);

    public static ReplayDecision Replace(string reason) => new(true, RetrainMode.Replace, reason);

    public static ReplayDecision Challenge(string reason) => new(true, RetrainMode.ChampionChallenger, reason);
}
