using Microsoft.Extensions.Options;

namespace Vigil.Server;

/// <summary>Retraining settings of the service (<c>Vigil:Retrain</c>).</summary>
public sealed class RetrainOptions
{
    /// <summary>The accepted values of <see cref="ForeignChampions"/>.</summary>
    public static IReadOnlyList<string> ForeignChampionModes { get; } = ["challenger", "compare", "request-only"];

    /// <summary>
    /// What a retrain the policy decides does for a champion Vigil did not train (kind onnx, mlnet or external); the
    /// <c>retrain_requested</c> alert goes out in every case, for the pipeline that owns the model.
    /// <c>compare</c> (default): Vigil trains an AutoML challenger on the newest labelled rows and records how it
    /// compares with the champion on the same held-out rows, but does not promote it (a person does, with
    /// <c>vigil models promote</c>), since the champion is someone else's model.
    /// <c>challenger</c>: the same, and the challenger is promoted when the paired interval clears the margin, as for
    /// Vigil's own models. <c>request-only</c>: only the alert. A retrain asked for explicitly (API, CLI) always runs
    /// and may promote.
    /// </summary>
    public string ForeignChampions { get; set; } = "compare";
}

/// <summary>Refuses an unknown <c>Vigil:Retrain:ForeignChampions</c>, or <c>Vigil:Shadow</c> settings the comparison cannot run with, when the service starts.</summary>
internal sealed class RetrainOptionsValidation : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Shadow.ToPolicy().Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            return ValidateOptionsResult.Fail($"Vigil:Shadow:{e.ParamName}: " + e.Message.Split(" (Parameter")[0].Split(Environment.NewLine)[0]);
        }

        return RetrainOptions.ForeignChampionModes.Contains(options.Retrain.ForeignChampions, StringComparer.Ordinal)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Vigil:Retrain:ForeignChampions is '{options.Retrain.ForeignChampions}'; expected one of {string.Join(", ", RetrainOptions.ForeignChampionModes)}.");
    }
}
