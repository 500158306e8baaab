using System.Globalization;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Tests.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Registry;

/// <summary>
/// Who copies the SQLite write-ahead log into the database file: by SQLite's default the commit that takes the log past
/// 1,000 pages (before it returns); once a background checkpointer has taken over, only a commit past the backstop.
/// </summary>
public class WalCheckpointTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ByDefaultACommitCheckpointsOnceTheLogPassesAThousandPages()
    {
        using var temp = new TempWorkspace();
        var ws = temp.Workspace;
        WriteSmallCommits(ws, 700);

        // The commit that crossed 1,000 pages copied the log and the next one restarted it from the beginning.
        Assert.InRange(ws.Checkpoint().LogFrames, 0, 1000);
    }

    [Fact]
    public void AfterTheHandOverCommitsLeaveTheLogToTheCheckpointerUpToTheBackstop()
    {
        using var temp = new TempWorkspace();
        var ws = temp.Workspace;
        Assert.True(ws.HandOverCheckpoints(4000));
        WriteSmallCommits(ws, 700);

        var before = ws.Checkpoint();
        Assert.InRange(before.LogFrames, 1001, 4000);
        Assert.False(before.Busy);
        Assert.Equal(before.LogFrames, before.CheckpointedFrames); // a PASSIVE checkpoint with no reader copies it all

        // Every committed row is in the database file and survives a reopen.
        Assert.Equal(700, temp.Reopen().Store.CountPredictions("m"));
    }

    [Fact]
    public void TheBackstopCannotBeBelowSqlitesOwnThreshold()
    {
        using var temp = new TempWorkspace();
        Assert.Throws<ArgumentOutOfRangeException>(() => temp.Workspace.HandOverCheckpoints(10));
    }

    // One row per commit, as /predict logs them: each writes about three pages, so 700 commits write about 2,200.
    private static void WriteSmallCommits(VigilWorkspace ws, int commits)
    {
        var features = new Dictionary<string, object?> { ["x"] = 1.0 };
        for (var i = 0; i < commits; i++)
        {
            var id = "row" + i.ToString(CultureInfo.InvariantCulture);
            ws.Store.LogPredictions("m", [new PredictionRecord(id, T0.AddSeconds(i), features, "yes", 0.5, 1)]);
        }
    }
}
