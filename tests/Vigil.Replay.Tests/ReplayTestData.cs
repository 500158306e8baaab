using Vigil.Data.Synthetic;
using Vigil.Data.Tables;

namespace Vigil.Replay.Tests;

/// <summary>Small generated streams for the replay tests: one distribution, then (optionally) an abrupt new concept.</summary>
internal static class ReplayTestData
{
    /// <summary><paramref name="before"/> rows under the first concept, then <paramref name="after"/> rows under a new random teacher.</summary>
    public static Table AbruptConceptChange(int before, int after, int seed)
    {
        var all = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Samples = before + after, Features = 6, Informative = 4, Redundant = 0, ClassSeparation = 2.0, FlipY = 0.01, Seed = seed,
        });
        if (after == 0)
        {
            return all;
        }

        var changed = ConceptDrift.Apply(all.Slice(before, after), new ConceptDriftOptions
        {
            LabelColumn = "target", Change = ConceptChange.FlipRegion, RegionFeature = "f0", Seed = seed + 1,
        });
        return Table.Concat([all.Slice(0, before), changed]);
    }
}
