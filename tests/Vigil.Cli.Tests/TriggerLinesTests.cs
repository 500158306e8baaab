using Vigil.Cli.Commands.Monitoring;
using Vigil.Monitoring.Policy;

namespace Vigil.Cli.Tests;

/// <summary>A decision's triggers print with their kind and outcome, so a blocking gate never reads like a quiet reason.</summary>
public sealed class TriggerLinesTests
{
    [Fact]
    public void BlockingGate_AndFiredReason_PrintTheirOutcome()
    {
        var decision = new RetrainDecision
        {
            Retrain = false,
            Summary = "no retrain yet: DatasetDrift fired but Cooldown blocks",
            Triggers =
            [
                TriggerEvaluation.Reason(RetrainTrigger.DatasetDrift, true, "60 % of features drifted"),
                TriggerEvaluation.Reason(RetrainTrigger.ConfidentDegradation, false, "not confidently degraded"),
                TriggerEvaluation.Gate(RetrainTrigger.Cooldown, true, "2.0 h since the last retrain, cooldown 24.0 h"),
                TriggerEvaluation.Gate(RetrainTrigger.RetrainLimit, false, "0 retrains in the last 7.0 days, at most 3"),
            ],
        };
        var output = new StringWriter();
        TriggerLines.Write(Terminal.For(output), decision);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray();
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("● DatasetDrift (reason, fired): 60 % of features drifted", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("○ ConfidentDegradation (reason, not fired)", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("✕ Cooldown (gate, blocks): 2.0 h since the last retrain", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("✓ RetrainLimit (gate, passes)", lines[3], StringComparison.Ordinal);
    }
}
