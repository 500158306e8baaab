using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Api.Ingestion;

/// <summary>
/// Whether an ingestion request is lenient: the <c>lenient</c> query parameter when given (<c>true</c>/<c>false</c>),
/// else <see cref="ServerOptions.LenientIngestion"/>.
/// </summary>
internal static class Leniency
{
    public static bool Of(HttpRequest request, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (!request.QueryString.HasValue)
        {
            return options.LenientIngestion; // no query to parse (parsing builds a collection per request)
        }

        var text = request.Query["lenient"].ToString();
        if (text.Length == 0)
        {
            return options.LenientIngestion;
        }

        return bool.TryParse(text, out var lenient)
            ? lenient
            : throw ApiProblemException.BadRequest($"'lenient' must be true or false, not '{JsonFound.Shorten(text)}'.");
    }
}
