namespace Vigil.Monitoring.Models;

/// <summary>
/// A request a model's kind cannot serve: scoring rows with an <c>external</c> model, retraining one Vigil did not
/// train. The model's state, not the request's form, is the obstacle: the CLI exits 2, the service answers 409.
/// </summary>
public sealed class ModelKindException : Exception
{
    public ModelKindException()
    {
    }

    public ModelKindException(string message)
        : base(message)
    {
    }

    public ModelKindException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The refusal for <paramref name="what"/> (e.g. "score rows") on a model of <paramref name="kind"/>.</summary>
    public static ModelKindException CannotDo(string model, ModelKind kind, string what, string why) =>
        new($"Model '{model}' is of kind '{kind.Name()}', which cannot {what}: {why}");
}
