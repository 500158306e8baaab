namespace Vigil.Monitoring.Policy;

/// <summary>
/// How an outcome is shown, the same in the command line, the dashboard and the report: a mark, a word, and whether
/// it is the notable side (a reason that fired, a gate that blocks).
/// </summary>
public static class TriggerOutcomes
{
    /// <summary>● fired, ○ not fired, ✓ passes, ✕ blocks.</summary>
    public static string Mark(this TriggerOutcome outcome) => outcome switch
    {
        TriggerOutcome.Fired => "●",
        TriggerOutcome.NotFired => "○",
        TriggerOutcome.Passes => "✓",
        TriggerOutcome.Blocks => "✕",
        _ => "?",
    };

    /// <summary>The outcome in words: "fired", "not fired", "passes", "blocks".</summary>
    public static string Label(this TriggerOutcome outcome) => outcome switch
    {
        TriggerOutcome.Fired => "fired",
        TriggerOutcome.NotFired => "not fired",
        TriggerOutcome.Passes => "passes",
        TriggerOutcome.Blocks => "blocks",
        _ => outcome.ToString(),
    };

    /// <summary>True for the outcomes that decide something: a reason that fired, a gate that blocks.</summary>
    public static bool IsNotable(this TriggerOutcome outcome) => outcome is TriggerOutcome.Fired or TriggerOutcome.Blocks;
}
