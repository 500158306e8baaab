namespace Vigil.Data.Synthetic;

/// <summary>Settings for <see cref="ConceptDrift.Apply"/>.</summary>
public sealed record ConceptDriftOptions
{
    /// <summary>The label column to change.</summary>
    public string LabelColumn { get; init; } = "target";

    /// <summary>Which new rule to apply.</summary>
    public ConceptChange Change { get; init; } = ConceptChange.NewTeacher;

    /// <summary>Whether the label holds classes or a continuous target.</summary>
    public LabelTask Task { get; init; } = LabelTask.Classification;

    /// <summary>Share of rows (chosen by <see cref="Seed"/>) that follow the new rule; the others keep their label.</summary>
    public double Fraction { get; init; } = 1.0;

    /// <summary>Numeric features the new teacher looks at; null means every numeric column except the label.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The feature whose median bounds the flipped region; null means the first of <see cref="Features"/>.</summary>
    public string? RegionFeature { get; init; }

    /// <summary>Seed for the row choice and the teacher's direction.</summary>
    public int Seed { get; init; }
}
