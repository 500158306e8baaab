namespace Vigil.Monitoring.Models;

/// <summary>
/// A model file or registration that does not fit: a file that is not ONNX or not an ML.NET model, inputs that do not
/// match the reference columns, outputs Vigil cannot read, a reference without the label, a score column that is not
/// a probability. One line naming the file, input, output or column; the CLI exits 2, the service answers 422.
/// </summary>
public sealed class ModelInputException : Exception
{
    public ModelInputException()
    {
    }

    public ModelInputException(string message)
        : base(message)
    {
    }

    public ModelInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
