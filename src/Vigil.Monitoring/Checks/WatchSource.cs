namespace Vigil.Monitoring.Checks;

/// <summary>Where a model's watched metrics come from, most specific first.</summary>
public enum WatchSource
{
    /// <summary>Set for the model and stored in the workspace (CLI <c>--watch</c>, <c>vigil models watch</c>, the API).</summary>
    Model,

    /// <summary>The monitor's per-model configuration (<see cref="VigilMonitorOptions.WatchedByModel"/>, appsettings <c>Vigil:Watch:Models</c>).</summary>
    Configuration,

    /// <summary>The monitor's default list for every model (<see cref="PerformanceOptions.Watched"/>, appsettings <c>Vigil:Watch:Default</c>), restricted to the task.</summary>
    ConfiguredDefault,

    /// <summary>The task's default set (<see cref="WatchedMetrics.Default"/>).</summary>
    TaskDefault,
}
