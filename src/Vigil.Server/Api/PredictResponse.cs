using Vigil.Server.Api.Ingestion;

namespace Vigil.Server.Api;

/// <summary>What /predict returns: the champion that scored, one result per row (in request order) and what was logged.</summary>
/// <param name="Duplicates">Rows whose id was already logged: scored and returned, but the first logged row stays.</param>
/// <param name="InvalidRows">Rows scored and stored by lenient ingestion although they do not match the champion's
/// schema (a value its column cannot hold was scored as missing); 0 when strict.</param>
/// <param name="Findings">Their problems (at most 20 listed).</param>
public sealed record PredictResponse(
    string Model, int ModelVersion, IReadOnlyList<PredictedRow> Results, int Inserted, int Duplicates, int InvalidRows, IReadOnlyList<RowProblem> Findings);
