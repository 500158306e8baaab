using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.AutoML.Bundles;
using Vigil.AutoML.Training;
using Vigil.TestSupport.Fuzzing;

namespace Vigil.AutoML.Tests.Bundles;

/// <summary>
/// LightGBM model text from a bundle is untrusted: damaged text must give an <see cref="InvalidOperationException"/>
/// (a <see cref="BundleFormatException"/> from <see cref="ModelBundle.Load"/>), never abort the process inside
/// LightGBM's loader or make scoring read outside the trees. Fuzzing the bundle upload found the abort.
/// </summary>
public class LightGbmTextTests
{
    private static readonly string Valid = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz-bundle", "model.lightgbm.txt"));

    private static readonly float[][] Rows = [[0.5f, 1f, 0f], [-1f, 0f, 1f], [float.NaN, 0f, 0f]];

    [Fact]
    public void ValidTextLoadsAndScoresAsBefore()
    {
        var model = LightGbmModel.FromText(Valid);
        Assert.Equal(3, model.Features);
        Assert.DoesNotContain("tree_sizes=", model.Text, StringComparison.Ordinal);
        var again = LightGbmModel.FromText(model.Text);
        Assert.Equal(model.Score(Rows, AutoMLTask.Binary, 2, 3).Values, again.Score(Rows, AutoMLTask.Binary, 2, 3).Values);
    }

    [Fact]
    public void ATreeWithoutNumLeavesIsRefusedNotAnAbort()
    {
        // With tree_sizes in the header LightGBM parsed trees on several threads and this aborted the process.
        var e = Assert.Throws<InvalidOperationException>(() => LightGbmModel.FromText(RemoveFirst(Valid, "num_leaves=3\n")));
        Assert.Contains("'num_leaves' is missing", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("right_child=1 -3\n", "right_child=0 -3\n")] // a node that is its own child: scoring would loop forever
    [InlineData("left_child=-1 -2\n", "left_child=-1 -7\n")] // a leaf the tree does not have
    [InlineData("split_feature=0 1\n", "split_feature=0 9\n")] // a feature past max_feature_idx
    [InlineData("leaf_value=-0.025835749551727821", "leaf_value=zz")]
    [InlineData("decision_type=2 2\n", "decision_type=2 1\n")] // a categorical split without category sets
    public void DamagedTreesAreRefused(string original, string damaged)
    {
        Assert.Contains(original, Valid, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => LightGbmModel.FromText(Valid.Replace(original, damaged, StringComparison.Ordinal)));
    }

    [Property(MaxTest = 400)]
    public Property DamagedTextLoadsAndScoresOrIsRefused() =>
        Prop.ForAll(ByteMutations.Mutated(Encoding.UTF8.GetBytes(Valid)), bytes =>
        {
            LightGbmModel model;
            try
            {
                model = LightGbmModel.FromText(Encoding.UTF8.GetString(bytes));
            }
            catch (InvalidOperationException)
            {
                return;
            }

            if (model.Features == 3 && model.Classes == 1)
            {
                Assert.Equal(Rows.Length, model.Score(Rows, AutoMLTask.Binary, 2, 3).Values.Length);
            }
        });

    private static string RemoveFirst(string text, string part)
    {
        var at = text.IndexOf(part, StringComparison.Ordinal);
        return at < 0 ? text : text.Remove(at, part.Length);
    }
}
