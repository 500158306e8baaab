namespace Vigil.AutoML.Validation;

/// <summary>How trial configurations are scored.</summary>
public enum ValidationMethod
{
    /// <summary>FLAML's rule: k-fold CV when rows × features is small for the budget, else holdout.</summary>
    Auto,
    Holdout,
    CrossValidation,
}
