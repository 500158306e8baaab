namespace Vigil.Cluster.Tests;

/// <summary>Waits for a condition with a deadline (grain timers and child processes give no event to wait on).</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition, TimeSpan timeout, Func<string> what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out after {timeout.TotalSeconds:0} s waiting for: {what()}");
            await Task.Delay(20);
        }
    }

    public static async Task<T> Value<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout, Func<T, string> what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out after {timeout.TotalSeconds:0} s waiting for: {what(value)}");
            await Task.Delay(50);
        }
    }
}
