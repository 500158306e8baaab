using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Drift;
using Vigil.Monitoring.Store;

namespace Vigil.Rendering.Dashboard;

/// <summary>One stored check as the column page sees it: the record, its result and the column's drift in it.</summary>
public sealed record ColumnCheck(CheckRecord Record, MonitoringResult Result, ColumnDrift Drift);
