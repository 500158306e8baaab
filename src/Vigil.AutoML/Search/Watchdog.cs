namespace Vigil.AutoML.Search;

/// <summary>
/// Runs work on a worker thread and stops waiting shortly after its token fires. ML.NET trainers only check
/// cancellation between iterations (and some phases, like binning, not at all), so without this a cancelled
/// training could overrun the budget by seconds. An abandoned worker has been cancelled and stops soon after;
/// its result is discarded.
/// </summary>
internal static class Watchdog
{
    /// <summary>How long to wait for a cancelled worker to notice before abandoning it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(250);

    public static T Run<T>(Func<T> work, CancellationToken token)
    {
        var task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            task.Wait(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The token fired: give the worker a moment to notice, then abandon it.
            var finished = false;
            try
            {
                finished = task.Wait(Grace);
            }
            catch (AggregateException)
            {
                throw new OperationCanceledException("The work was cancelled.", token);
            }

            if (!finished)
            {
                // Observe the eventual exception so it never surfaces as an unobserved task exception.
                task.ContinueWith(t => t.Exception, TaskScheduler.Default);
                throw new OperationCanceledException("The work did not stop in time and was abandoned.", token);
            }
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        return task.GetAwaiter().GetResult();
    }
}
