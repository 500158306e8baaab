using Vigil.Server.Api;

namespace Vigil.Fuzz.Targets;

/// <summary>
/// What counts as a documented error for the service's readers: an exception the service answers with a 4xx
/// ProblemDetails (<see cref="ProblemMapping.Describe"/>). Anything it would answer with 500 is a bug.
/// </summary>
internal static class ServiceErrors
{
    public const string Description = "any exception the service maps to a 4xx ProblemDetails (ApiProblemException 4xx, JsonException, BundleFormatException, CsvFormatException, …)";

    public static bool IsClientError(Exception exception) =>
        exception is not OperationCanceledException && ProblemMapping.Describe(exception).Status is >= 400 and < 499;
}
