using System.Globalization;
using Vigil.Statistics.ChangeDetection;

namespace Vigil.Monitoring.Streams;

/// <summary>The parameters of every online detector a stream may run; each default is River's.</summary>
public sealed record DetectorSettings
{
    /// <summary>The detector names a stream may list.</summary>
    public static IReadOnlyList<string> Names { get; } = ["adwin", "page_hinkley", "ddm", "eddm", "kswin"];

    /// <summary>ADWIN's confidence δ. Default 0.002.</summary>
    public double AdwinDelta { get; init; } = 0.002;

    /// <summary>ADWIN tests its cuts every this many values. Default 32.</summary>
    public int AdwinClock { get; init; } = 32;

    /// <summary>Page–Hinkley: values before a change can be reported. Default 30.</summary>
    public int PageHinkleyMinInstances { get; init; } = 30;

    /// <summary>Page–Hinkley: tolerated magnitude of change. Default 0.005.</summary>
    public double PageHinkleyDelta { get; init; } = 0.005;

    /// <summary>Page–Hinkley: threshold λ of the cumulative sum. Default 50.</summary>
    public double PageHinkleyThreshold { get; init; } = 50;

    /// <summary>Page–Hinkley: forgetting factor α. Default 0.9999.</summary>
    public double PageHinkleyAlpha { get; init; } = 1 - 0.0001;

    /// <summary>DDM: values before a warning or change. Default 30.</summary>
    public int DdmWarmStart { get; init; } = 30;

    /// <summary>DDM: warning level in standard deviations. Default 2.</summary>
    public double DdmWarningThreshold { get; init; } = 2.0;

    /// <summary>DDM: change level in standard deviations. Default 3.</summary>
    public double DdmDriftThreshold { get; init; } = 3.0;

    /// <summary>EDDM: values (and errors) before a warning or change. Default 30.</summary>
    public int EddmWarmStart { get; init; } = 30;

    /// <summary>EDDM: warning level α. Default 0.95.</summary>
    public double EddmAlpha { get; init; } = 0.95;

    /// <summary>EDDM: change level β. Default 0.9.</summary>
    public double EddmBeta { get; init; } = 0.9;

    /// <summary>KSWIN: significance α of the KS test. Default 0.005.</summary>
    public double KswinAlpha { get; init; } = 0.005;

    /// <summary>KSWIN: sliding window size. Default 100.</summary>
    public int KswinWindowSize { get; init; } = 100;

    /// <summary>KSWIN: size of each compared sample. Default 30.</summary>
    public int KswinStatSize { get; init; } = 30;

    /// <summary>KSWIN: seed of its sampling. Default 1.</summary>
    public ulong KswinSeed { get; init; } = 1;

    /// <summary>True for detectors that read bits only (DDM, EDDM).</summary>
    public static bool IsBinary(string name) => name is "ddm" or "eddm";

    /// <summary>
    /// A new detector <paramref name="name"/> with these settings. Throws <see cref="ArgumentException"/> naming the
    /// setting for an unknown name or a value the detector refuses.
    /// </summary>
    public ChangeDetector Create(string name)
    {
        try
        {
            return name switch
            {
                "adwin" => new Adwin(AdwinDelta, AdwinClock),
                "page_hinkley" => new PageHinkley(PageHinkleyMinInstances, PageHinkleyDelta, PageHinkleyThreshold, PageHinkleyAlpha),
                "ddm" => new Ddm(DdmWarmStart, DdmWarningThreshold, DdmDriftThreshold),
                "eddm" => new Eddm(EddmWarmStart, EddmAlpha, EddmBeta),
                "kswin" => new Kswin(KswinAlpha, KswinWindowSize, KswinStatSize, KswinSeed),
                _ => throw new ArgumentException($"Unknown change detector '{name}'; expected one of {string.Join(", ", Names)}.", nameof(name)),
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Detector '{name}': setting '{e.ParamName}' = {e.ActualValue}: {e.Message.Split(" (Parameter")[0]}"), nameof(name), e);
        }
    }
}
