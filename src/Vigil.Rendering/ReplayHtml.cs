using Vigil.Replay;
using Vigil.Rendering.Components.Replay;
using Vigil.Rendering.Html;

namespace Vigil.Rendering;

/// <summary>
/// A <see cref="ReplayResult"/> as one self-contained HTML page in the model report's style: figures per strategy,
/// accuracy per batch and its running mean with retrains marked, and the settings. No script, no external requests.
/// </summary>
public static class ReplayHtml
{
    public static string Render(ReplayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return PageRenderer.Render<ReplayPage>(Parameters(result));
    }

    public static Task<string> RenderAsync(ReplayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return PageRenderer.RenderAsync<ReplayPage>(Parameters(result));
    }

    private static Dictionary<string, object?> Parameters(ReplayResult result) => new() { [nameof(ReplayPage.Result)] = result };
}
