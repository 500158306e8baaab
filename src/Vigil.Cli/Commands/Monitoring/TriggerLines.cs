using Spectre.Console;
using Vigil.Monitoring.Policy;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>A decision's triggers, one line each: mark, trigger, kind and outcome, and why.</summary>
internal static class TriggerLines
{
    public static void Write(IAnsiConsole console, RetrainDecision decision)
    {
        foreach (var t in decision.Triggers)
        {
            var colour = t.Outcome switch
            {
                TriggerOutcome.Blocks => "red",
                TriggerOutcome.Fired => "yellow",
                TriggerOutcome.Passes => "green",
                _ => "grey",
            };
            console.MarkupLine($"  [{colour}]{t.Outcome.Mark()}[/] {Markup.Escape(t.Trigger.ToString())} ({t.Kind.ToString().ToLowerInvariant()}, {t.Outcome.Label()}): {Markup.Escape(t.Detail)}");
        }
    }
}
