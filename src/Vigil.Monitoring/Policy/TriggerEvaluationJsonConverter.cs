using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Monitoring.Policy;

/// <summary>
/// Reads and writes a <see cref="TriggerEvaluation"/> as <c>trigger, kind, outcome, fired, blocking, detail</c>.
/// Decisions stored before triggers knew their kind hold only <c>fired</c> and <c>blocking</c>; the outcome is then
/// derived from the trigger's kind (a reason fired or not, a gate blocked or passed), which those records encoded
/// without ambiguity. An outcome that does not fit the trigger's kind is a <see cref="JsonException"/>.
/// </summary>
internal sealed class TriggerEvaluationJsonConverter : JsonConverter<TriggerEvaluation>
{
    public override TriggerEvaluation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var stored = JsonSerializer.Deserialize<Stored>(ref reader, options) ?? throw new JsonException("A trigger evaluation is null.");
        var kind = stored.Trigger.Kind();
        var outcome = stored.Outcome ?? (kind == TriggerKind.Gate
            ? stored.Blocking ? TriggerOutcome.Blocks : TriggerOutcome.Passes
            : stored.Fired ? TriggerOutcome.Fired : TriggerOutcome.NotFired);
        if (!kind.Allows(outcome))
        {
            throw new JsonException($"Trigger {stored.Trigger} is a {kind.ToString().ToLowerInvariant()}; the stored outcome {outcome} is not one of its outcomes.");
        }

        return new TriggerEvaluation(stored.Trigger, outcome, stored.Detail ?? "");
    }

    public override void Write(Utf8JsonWriter writer, TriggerEvaluation value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Stored(value.Trigger, value.Kind, value.Outcome, value.Fired, value.Blocking, value.Detail), options);

    // The stored shape; positional so the serializer binds it through its constructor.
    private sealed record Stored(RetrainTrigger Trigger, TriggerKind? Kind, TriggerOutcome? Outcome, bool Fired, bool Blocking, string? Detail);
}
