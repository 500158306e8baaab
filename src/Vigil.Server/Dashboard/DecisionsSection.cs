using System.Text;
using Vigil.Monitoring.Policy;
using static Vigil.Server.Dashboard.DashboardHtml;

namespace Vigil.Server.Dashboard;

/// <summary>Retrain decisions after each check, newest first, each with every trigger's "why" and "why not".</summary>
internal static class DecisionsSection
{
    // The newest decisions are open; the rest fold so the page stays short.
    private const int Open = 1;

    public static void Write(StringBuilder sb, ModelPageData data, DateTimeOffset now)
    {
        sb.Section("decisions", "Retrain decisions",
            "After every check the policy weighs three reasons to retrain (degradation, dataset drift, PSI on an important feature) " +
            "against three gates (enough new labels, cooldown, retrain limit). Retraining happens when a reason fires and no gate blocks.");
        if (data.Decisions.Count == 0)
        {
            sb.Append(NoData("No decisions yet: one is recorded after every check.")).Append("</section>\n");
            return;
        }

        for (var i = 0; i < data.Decisions.Count; i++)
        {
            var (record, decision) = data.Decisions[i];
            sb.Append("<details class=\"decision\"").Append(i < Open ? " open" : "").Append("><summary>")
                .Append(record.Retrain ? Badge("retrain", "bad") : Badge("no retrain", "neutral"))
                .Append("<span class=\"t\">").Append(E(Time(record.DecidedAt))).Append(" · ").Append(When(record.DecidedAt, now)).Append("</span>")
                .Append("<span>").Append(E(decision?.Summary ?? "(decision could not be read)")).Append("</span></summary>");
            if (decision is { Triggers.Count: > 0 })
            {
                Triggers(sb, decision.Triggers);
            }

            sb.Append("</details>");
        }

        sb.Append("</section>\n");
    }

    private static void Triggers(StringBuilder sb, IReadOnlyList<TriggerEvaluation> triggers)
    {
        sb.Append("<table><thead><tr><th>Trigger</th><th>Kind</th><th>Outcome</th><th>Why</th></tr></thead><tbody>");
        foreach (var t in triggers)
        {
            var tone = t.Outcome switch { TriggerOutcome.Passes => "ok", _ when t.Outcome.IsNotable() => "yes", _ => "no" };
            sb.Append("<tr><td><b>").Append(E(t.Trigger.Title())).Append("</b></td><td class=\"sub\">").Append(t.Kind == TriggerKind.Gate ? "gate" : "reason")
                .Append("</td><td class=\"t\"><span class=\"mark ").Append(tone).Append("\">").Append(E(t.Outcome.Mark())).Append("</span>")
                .Append(E(t.Outcome.Label())).Append("</td><td class=\"reason\">").Append(E(t.Detail)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
    }
}
