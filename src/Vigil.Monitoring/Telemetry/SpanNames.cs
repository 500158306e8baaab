namespace Vigil.Monitoring.Telemetry;

/// <summary>Names of Vigil's own spans (low cardinality: the model is a tag, never part of a name).</summary>
public static class SpanNames
{
    /// <summary>One check of a window (drift, quality, performance, the policy's decision and saving both).</summary>
    public const string Check = "vigil.check";

    /// <summary>One retrain with champion/challenger, from loading the champion to promoting or keeping it.</summary>
    public const string Retrain = "vigil.retrain";

    /// <summary>The challenger's AutoML search and refit, inside <see cref="Retrain"/>.</summary>
    public const string RetrainSearch = "vigil.retrain.search";

    /// <summary>Scoring both models on the fresh holdout and the paired bootstrap, inside <see cref="Retrain"/>.</summary>
    public const string RetrainCompare = "vigil.retrain.compare";

    /// <summary>A promoted challenger refitted on every usable row, inside <see cref="Retrain"/>.</summary>
    public const string RetrainRefit = "vigil.retrain.refit";

    /// <summary>One delivery attempt of one alert to one channel.</summary>
    public const string AlertDelivery = "vigil.alert.deliver";
}
