using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Streams;

namespace Vigil.Monitoring.Tests.Policy;

/// <summary>The StreamChange reason: a change an online detector found since the last retrain, for the serving champion.</summary>
public sealed class StreamChangeTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 10, 12, 0, 0, TimeSpan.Zero);

    private static StreamDetection Change(StreamKind stream = StreamKind.Error) =>
        new(7, "m", stream, "ddm", StreamDetection.Change, Now.AddHours(-1), 1, 812, "row-812", Now.AddHours(-2), "change on the error stream (ddm): error rate 31.0% over 812 labels");

    private static RetrainContext Context(params StreamDetection[] changes) => new(1000, Now.AddDays(-3), [Now.AddDays(-3)], Now, 0, changes);

    private static TriggerEvaluation Of(RetrainDecision d) => d.Triggers.Single(t => t.Trigger == RetrainTrigger.StreamChange);

    [Fact]
    public void AChangeSinceTheLastRetrain_IsAReasonWithItsFigures()
    {
        var d = new RetrainPolicy().Evaluate(RetrainPolicyTests.Result(), Context(Change()));
        Assert.True(d.Retrain);
        Assert.Equal([RetrainTrigger.StreamChange], d.Triggers.Where(t => t.Fired).Select(t => t.Trigger));
        Assert.Contains("row-812", Of(d).Detail, StringComparison.Ordinal);
        Assert.Contains("31.0%", Of(d).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void NoChange_OrTheReasonTurnedOff_DoesNotFire()
    {
        var none = new RetrainPolicy().Evaluate(RetrainPolicyTests.Result(), Context());
        Assert.False(none.Retrain);
        Assert.Contains("no change", Of(none).Detail, StringComparison.Ordinal);
        var off = new RetrainPolicy { OnStreamChange = false }.Evaluate(RetrainPolicyTests.Result(), Context(Change()));
        Assert.False(off.Retrain);
        Assert.Equal("disabled", Of(off).Detail);
    }

    [Fact]
    public void AnErrorStreamChange_IsHarm_SoTheDriftBackOffDoesNotRaiseTheLabelGate()
    {
        // Two unpromoted retrains in a row would double the label gate twice for drift-only reasons (500 × 4 > 1000).
        var context = Context(Change()) with { UnpromotedRetrains = 2 };
        var error = new RetrainPolicy().Evaluate(RetrainPolicyTests.Result(), context);
        Assert.True(error.Retrain, error.Summary);
        var score = new RetrainPolicy().Evaluate(RetrainPolicyTests.Result(), context with { StreamChanges = [Change(StreamKind.Score)] });
        Assert.False(score.Retrain);
        Assert.Contains("× 4", score.Triggers.Single(t => t.Trigger == RetrainTrigger.MinNewLabels).Detail, StringComparison.Ordinal);
    }
}
