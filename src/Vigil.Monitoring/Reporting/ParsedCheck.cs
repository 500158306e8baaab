using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Reporting;

/// <summary>A stored check whose result JSON could be read.</summary>
internal sealed record ParsedCheck(CheckRecord Record, MonitoringResult Result)
{
    /// <summary>The History id as the report model spells it.</summary>
    public string Id => Record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>End of the checked window: the axis every timeline of the report uses.</summary>
    public DateTimeOffset At => Result.Window.End;
}
