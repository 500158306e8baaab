using Microsoft.Extensions.Options;

namespace Vigil.Server.Api;

/// <summary>Refuses, when the service starts, a <c>Vigil:IngestGroupsInFlight</c> below 1, in one line.</summary>
internal sealed class IngestGroupsValidation : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.IngestGroupsInFlight is < 1
            ? ValidateOptionsResult.Fail($"Vigil:IngestGroupsInFlight must be at least 1 (got {options.IngestGroupsInFlight}); leave it unset for the store's choice.")
            : ValidateOptionsResult.Success;
    }
}
