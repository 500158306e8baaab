using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Vigil.Rendering.Html;

/// <summary>
/// Renders a Razor component to an HTML string through <see cref="HtmlRenderer"/>, on the renderer's own dispatcher.
/// Every text node and attribute goes through <see cref="MarkupEncoder"/>; only the inline SVG charts are written as
/// markup, and they escape their own text.
/// </summary>
internal static class PageRenderer
{
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSingleton<HtmlEncoder>(MarkupEncoder.Instance)
        .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
        .BuildServiceProvider();

    public static async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The synchronous form for callers that are not async. The pages do no I/O, so the render completes on the
    /// dispatcher without waiting on anything; off the caller's synchronization context (a UI thread, a legacy
    /// ASP.NET request) the block cannot deadlock.
    /// </summary>
    public static string Render<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        if (SynchronizationContext.Current is null && TaskScheduler.Current == TaskScheduler.Default)
        {
            return RenderAsync<TComponent>(parameters).GetAwaiter().GetResult();
        }

        return Task.Run(() => RenderAsync<TComponent>(parameters)).GetAwaiter().GetResult();
    }
}
