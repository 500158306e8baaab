using System.Diagnostics;
using System.Globalization;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Store;

/// <summary>
/// A running retrain is owned by a process id plus a start mark; opening the workspace abandons a run only when its
/// owner is provably gone (#20 item 9: a SIGKILLed owner that is a zombie, or whose id is reused, must not stay running).
/// </summary>
public sealed class RetrainOwnershipTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void ARunOfThisLiveProcessStaysRunningWhenTheWorkspaceIsOpenedAgain(string backend)
    {
        using var temp = TempStore.Open(backend);
        var run = temp.Store.StartRetrain("m", T0, "drift");
        var second = temp.OpenAnother(); // e.g. the CLI and a library call in one process
        Assert.Equal(RetrainStatus.Running, second.GetRetrain(run)!.Status);
        Assert.Equal(RetrainStatus.Running, temp.Reopen().GetRetrain(run)!.Status);
        Assert.NotNull(ProcessLiveness.CurrentStartMark);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void ARunOwnedByThisProcessIdWithAnotherStartMarkIsAbandoned(string backend)
    {
        // The id is ours and alive, but the mark says an earlier process with the same id started the run (id reuse).
        using var temp = TempStore.Open(backend);
        var run = temp.Store.StartRetrain("m", T0, "drift");
        SetOwner(temp, run, Environment.ProcessId, OtherMark(ProcessLiveness.CurrentStartMark!));
        Assert.Equal(RetrainStatus.Abandoned, temp.Reopen().GetRetrain(run)!.Status);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void ARunOwnedByAnotherLiveProcessIsAbandonedOnlyWhenItsStartMarkDiffers(string backend)
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            var mark = ProcessLiveness.StartMark(child.Id);
            Skip.If(mark is null, "this platform gives no process start mark");
            using var temp = TempStore.Open(backend);
            var same = temp.Store.StartRetrain("m", T0, "same owner");
            var reused = temp.Store.StartRetrain("m", T0, "id reused");
            SetOwner(temp, same, child.Id, mark);
            SetOwner(temp, reused, child.Id, OtherMark(mark));
            var store = temp.Reopen();
            Assert.Equal(RetrainStatus.Running, store.GetRetrain(same)!.Status);
            Assert.Equal(RetrainStatus.Abandoned, store.GetRetrain(reused)!.Status);
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
        }
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void ARunOwnedByAZombieIsAbandoned(string backend)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "zombies are made with a Linux shell here");

        var (parent, zombie) = StartZombie();
        try
        {

            var mark = ProcessLiveness.StartMark(zombie);
            Assert.NotNull(mark); // the zombie still has its stat: only its state tells it is dead
            using var temp = TempStore.Open(backend);
            var run = temp.Store.StartRetrain("m", T0, "killed");
            SetOwner(temp, run, zombie, mark);
            Assert.False(ProcessLiveness.IsRunning(zombie));
            Assert.Equal(RetrainStatus.Abandoned, temp.Reopen().GetRetrain(run)!.Status);
        }
        finally
        {
            parent.Kill();
            parent.WaitForExit();
            parent.Dispose();
        }
    }

    // sh starts a short-lived child and then becomes 'sleep 30', which never reaps it: the child stays a zombie. Once
    // in a CI run on a loaded machine the child was gone instead (reaped by someone else), so a vanished child is
    // tried again; a child that is neither a zombie nor gone after 20 s fails the test with its state.
    private static (Process Parent, int Zombie) StartZombie()
    {
        for (var attempt = 1; ; attempt++)
        {
            var parent = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 0 & echo $!; exec sleep 30"])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
            })!;
            var zombie = int.Parse(parent.StandardOutput.ReadLine()!, CultureInfo.InvariantCulture);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            var state = LinuxStat.Read(zombie)?.State;
            while (state is not 'Z' and not null && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
                state = LinuxStat.Read(zombie)?.State;
            }

            if (state == 'Z')
            {
                return (parent, zombie);
            }

            parent.Kill();
            parent.WaitForExit();
            parent.Dispose();
            Assert.True(state is null && attempt < 3, $"process {zombie} did not become a zombie (state {state?.ToString() ?? "gone"}, attempt {attempt})");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void ARunOwnedByAProcessIdThatDoesNotRunIsAbandoned(string backend)
    {
        using var temp = TempStore.Open(backend);
        var run = temp.Store.StartRetrain("m", T0, "crashed");
        SetOwner(temp, run, DeadPid(), ProcessLiveness.CurrentStartMark);
        Assert.Equal(RetrainStatus.Abandoned, temp.Reopen().GetRetrain(run)!.Status);
    }

    [Theory]
    [InlineData("4242 (vigil) S 1 4242 4242 0 -1 4194560 1 0 0 0 5 2 0 0 20 0 9 0 987654 1000 100", 'S', 987654L)]
    [InlineData("77 (a) b ) c) Z 1 77 77 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 31337 0 0", 'Z', 31337L)]
    public void StatLinesAreParsedPastACommandNameWithSpacesAndParentheses(string line, char state, long ticks)
    {
        Assert.Equal(new LinuxStat(state, ticks), LinuxStat.Parse(line));
        Assert.Null(LinuxStat.Parse("garbage"));
    }

    internal static void SetOwner(TempStore temp, long run, int pid, string? mark)
    {
        temp.Execute("UPDATE retrain_runs SET owner_process = @pid, owner_started = @mark WHERE id = @id",
            ("@pid", pid), ("@mark", (object?)mark ?? DBNull.Value), ("@id", run));
    }

    private static string OtherMark(string mark) => mark[..(mark.LastIndexOf(':') + 1)] + "1";

    // A process id that no process has now: the highest free one below the usual pid_max.
    private static int DeadPid()
    {
        for (var pid = 4_000_000; pid > 1; pid--)
        {
            if (!ProcessLiveness.IsRunning(pid))
            {
                return pid;
            }
        }

        throw new InvalidOperationException("no free process id");
    }
}
