namespace Vigil.Monitoring.Shadows;

/// <summary>What one pass of <see cref="ShadowScoring.Update"/> did.</summary>
/// <param name="Scored">Logged rows scored (and stored) in this pass.</param>
/// <param name="Unscored">Of those, rows the shadow could not score (stored with no prediction).</param>
/// <param name="Position">The shadow's cursor after the pass (predictions.seq).</param>
/// <param name="Raced">True when another process moved the cursor first; this pass stopped without writing its batch.</param>
public sealed record ShadowProgress(string Model, int Version, int Scored, int Unscored, long Position, bool Raced = false);
