using System.Globalization;
using Vigil.Monitoring.Multivariate;
using Xunit.Abstractions;

namespace Vigil.Monitoring.Tests.Multivariate;

/// <summary>
/// False alarms of both methods on windows drawn from the reference's own law (fixed seeds): each replication draws a
/// fresh reference and a fresh window, so the rate averages over both samples' noise, as the thresholds claim to.
/// </summary>
public sealed class NullWindowTests(ITestOutputHelper output)
{
    private const int Replications = 200;

    [Fact]
    public void NullWindowsKeepFalseAlarmsAtMostFivePercent()
    {
        int classifierDrift = 0, classifierSignificant = 0, reconstructionDrift = 0;
        var aucs = new double[Replications];
        for (var r = 0; r < Replications; r++)
        {
            var reference = MultivariateTestData.Pairs(1000, seed: 10_000 + r, abCorrelation: 0.6, cdCorrelation: 0.3, noise: 2, region: true);
            var window = MultivariateTestData.Pairs(600, seed: 20_000 + r, abCorrelation: 0.6, cdCorrelation: 0.3, noise: 2, region: true);
            var result = new MultivariateCheck(reference, new MultivariateOptions { Seed = r }).Run(window);
            Assert.True(result.DomainClassifier.Ran && result.Reconstruction.Ran, result.Reason);
            classifierDrift += result.DomainClassifier.Drifted ? 1 : 0;
            classifierSignificant += result.DomainClassifier.PValue < 0.05 ? 1 : 0;
            reconstructionDrift += result.Reconstruction.Drifted ? 1 : 0;
            aucs[r] = result.DomainClassifier.Auc!.Value;
        }

        double Share(int count) => (double)count / Replications;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Replications} null windows of 600 rows vs 1,000 reference rows (6 numeric + 1 categorical feature)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  domain classifier drifted:      {Share(classifierDrift):P1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  domain classifier p < 0.05:     {Share(classifierSignificant):P1} (mean AUC {aucs.Average():F4})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  PCA reconstruction out of band: {Share(reconstructionDrift):P1}"));

        Assert.True(Share(classifierDrift) <= 0.05, $"domain classifier false alarms {Share(classifierDrift):P1}");
        Assert.True(Share(reconstructionDrift) <= 0.05, $"reconstruction false alarms {Share(reconstructionDrift):P1}");
        // The p-value itself (without the AUC floor) must be valid: at most alpha, up to the one-sided 95 % binomial
        // limit of 200 replications (5 % + 1.645·1.54 % ≈ 7.5 %).
        Assert.True(Share(classifierSignificant) <= 0.075, $"p < 0.05 in {Share(classifierSignificant):P1} of null windows");
    }
}
