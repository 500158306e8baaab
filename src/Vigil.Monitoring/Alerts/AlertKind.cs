namespace Vigil.Monitoring.Alerts;

/// <summary>
/// What an alert is about. Channels subscribe by the snake_case name (<see cref="AlertKinds.Name"/>), which is also
/// the <c>event</c> field of every payload.
/// </summary>
public enum AlertKind
{
    /// <summary>The model's status became warning (from healthy, or down from alarm).</summary>
    Warning,

    /// <summary>The model's status became alarm.</summary>
    Alarm,

    /// <summary>The model's status returned to healthy.</summary>
    Resolved,

    /// <summary>The retrain policy decided to retrain after a check.</summary>
    RetrainDecided,

    /// <summary>A retrain run started.</summary>
    RetrainStarted,

    /// <summary>A retrain run ended: promoted or kept (with the interval of the improvement), failed, cancelled or abandoned.</summary>
    RetrainFinished,

    /// <summary>
    /// The policy wants a retrain that Vigil cannot run itself (a model it did not train, e.g. an external or ONNX
    /// model): a person or a pipeline must retrain it and register the result.
    /// </summary>
    RetrainRequested,

    /// <summary>An online change detector fired on a model's error or score stream.</summary>
    DetectorFired,

    /// <summary>A model's scheduled check failed (it is not being monitored until it works again).</summary>
    CheckFailed,

    /// <summary>A model's scheduled checks succeed again after failing.</summary>
    CheckRecovered,

    /// <summary>A test message (<c>vigil alerts test</c>); never stored.</summary>
    Test,
}
