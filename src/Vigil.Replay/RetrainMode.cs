namespace Vigil.Replay;

/// <summary>How a replay retrain treats the new model.</summary>
public enum RetrainMode
{
    /// <summary>Train a new version and make it champion unconditionally (blind retraining).</summary>
    Replace,

    /// <summary>Train a challenger with <see cref="Vigil.Monitoring.VigilMonitor.Retrain"/>; it is promoted only if measurably better.</summary>
    ChampionChallenger,
}
