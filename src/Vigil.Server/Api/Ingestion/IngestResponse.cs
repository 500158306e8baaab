namespace Vigil.Server.Api.Ingestion;

/// <summary>What <c>POST /predictions</c> returns.</summary>
/// <param name="Inserted">Rows stored.</param>
/// <param name="Duplicates">Rows ignored because their id was already logged (or repeated in the batch).</param>
/// <param name="LateLabelsJoined">Waiting labels joined to the new rows.</param>
/// <param name="InvalidRows">Rows stored by lenient ingestion although they do not match the champion's schema (0 when strict).</param>
/// <param name="Findings">Their problems (at most 20 listed).</param>
public sealed record IngestResponse(int Inserted, int Duplicates, int LateLabelsJoined, int InvalidRows, IReadOnlyList<RowProblem> Findings);
