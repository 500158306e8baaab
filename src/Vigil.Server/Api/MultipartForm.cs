using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Api;

/// <summary>
/// Reads a multipart/form-data body for the endpoints that take files (register, estimator refit). A body the
/// framework's reader cannot take apart is the caller's mistake, 400: a broken header or a boundary over its limit
/// (<see cref="InvalidDataException"/>), and a body that ends before its closing boundary, which the reader reports as
/// a bare <see cref="IOException"/> (that one was a 500). A body over the size limit stays 413.
/// </summary>
internal static class MultipartForm
{
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw ApiProblemException.BadRequest($"The multipart body cannot be read: {e.Message}");
        }
        catch (IOException e) when (e is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw ApiProblemException.BadRequest(
                "The multipart body cannot be read: it ends before its closing boundary (--BOUNDARY--); send every part, then the closing boundary.");
        }
    }
}
