using Microsoft.Extensions.Options;

namespace Vigil.Server;

/// <summary>Refuses, when the service starts, <c>Vigil:Streams</c> settings a detector would refuse, in one line naming the setting.</summary>
internal sealed class StreamSettingsValidation : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Streams.ToOptions().Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail("Vigil:Streams: " + e.Message.Split(" (Parameter")[0]);
        }
    }
}
