using Vigil.Server.Scheduling;

namespace Vigil.Server.Tests;

public sealed class BackgroundPriorityTests
{
    [SkippableFact]
    public void LoweredThreadAndTheThreadsItStartsRunNiced()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "nice values are Linux-only");
        var baseline = BackgroundPriority.CurrentNice() ?? 0;
        Skip.If(baseline >= 19, "the test process already runs at the lowest priority");
        var target = Math.Max(10, baseline + 1);
        int? own = null, child = null, unrelated = null;
        var worker = new Thread(() =>
        {
            Assert.True(BackgroundPriority.Lower(target));
            own = BackgroundPriority.CurrentNice();
            var inner = new Thread(() => child = BackgroundPriority.CurrentNice());
            inner.Start();
            inner.Join();
        });
        worker.Start();
        worker.Join();
        var other = new Thread(() => unrelated = BackgroundPriority.CurrentNice());
        other.Start();
        other.Join();

        Assert.Equal(target, own);
        Assert.Equal(target, child); // AutoML runs each trial on a thread it starts: the trial must inherit the nice value
        Assert.Equal(baseline, unrelated); // the rest of the process is untouched
    }

    [Fact]
    public void ZeroLeavesThePriorityAlone()
    {
        int? nice = null;
        var worker = new Thread(() =>
        {
            Assert.True(BackgroundPriority.Lower(0));
            nice = BackgroundPriority.CurrentNice();
        });
        worker.Start();
        worker.Join();
        Assert.Equal(BackgroundPriority.CurrentNice(), nice);
    }
}
