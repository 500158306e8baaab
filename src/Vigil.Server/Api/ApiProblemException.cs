using Vigil.Data.Text;
using Vigil.Server.Api.Ingestion;

namespace Vigil.Server.Api;

/// <summary>A request the API refuses, with the HTTP status and a message for the caller; rendered as ProblemDetails.</summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException()
        : this(500, "Internal error", "The server failed.")
    {
    }

    public ApiProblemException(string message)
        : this(400, "Bad request", message)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Title = "Bad request";
    }

    /// <summary>A refusal; the detail is made one line (control characters escaped), since it often quotes what the caller sent.</summary>
    public ApiProblemException(int status, string title, string detail, IReadOnlyList<string>? errors = null, IReadOnlyList<RowProblem>? rows = null)
        : base(PrintableText.Escape(detail))
    {
        Status = status;
        Title = title;
        Errors = errors;
        Rows = rows;
    }

    public int Status { get; }

    public string Title { get; }

    /// <summary>Per-item errors (e.g. one per invalid row), or null.</summary>
    public IReadOnlyList<string>? Errors { get; }

    /// <summary>The same problems as structured entries (row, field, expected, found), or null.</summary>
    public IReadOnlyList<RowProblem>? Rows { get; }

    public static ApiProblemException NotFound(string detail) => new(404, "Not found", detail);

    public static ApiProblemException Conflict(string detail) => new(409, "Conflict", detail);

    public static ApiProblemException Unprocessable(string detail, IReadOnlyList<string>? errors = null, IReadOnlyList<RowProblem>? rows = null) =>
        new(422, "Unprocessable content", detail, errors, rows);

    public static ApiProblemException BadRequest(string detail) => new(400, "Bad request", detail);

    /// <summary>400 "Invalid JSON" for a body that is not well-formed JSON (or not UTF-8).</summary>
    public static ApiProblemException InvalidJson(string detail) => new(400, "Invalid JSON", detail);
}
