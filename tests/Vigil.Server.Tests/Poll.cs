using Vigil.TestSupport;

namespace Vigil.Server.Tests;

/// <summary>
/// Waits for a state of another process or of other threads, which offer nothing to wait on: checks every 50 ms, fails
/// the test after the timeout, and at once (with its log) when the <c>vigil serve</c> being watched has exited.
/// </summary>
internal static class Poll
{
    public static Task UntilAsync(Func<bool> condition, string what, ServeProcess? serve = null, int seconds = 60) =>
        UntilAsync(() => Task.FromResult(condition()), what, serve, seconds);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, ServeProcess? serve = null, int seconds = 60)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (true)
        {
            if (serve is not null)
            {
                Assert.False(serve.Process.HasExited, $"vigil serve exited while waiting for {what}: {serve.Log}");
            }

            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The server is not answering yet: try again.
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {seconds} s waiting for {what}.{(serve is null ? "" : " Log: " + serve.Log)}");
            await Task.Delay(50);
        }
    }
}
