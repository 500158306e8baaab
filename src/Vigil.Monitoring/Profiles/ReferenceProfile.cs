using System.Text.Json.Serialization;
using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Drift;

namespace Vigil.Monitoring.Profiles;

/// <summary>
/// What a model's training data looked like, kept with the model so every check can run without the training data:
/// one <see cref="ColumnProfile"/> per column, the holdout <see cref="Baseline"/>, and optional feature importances.
/// Serialise with <see cref="MonitoringJson"/>; <see cref="ToReferenceSample"/> rebuilds the drift reference.
/// </summary>
public sealed record ReferenceProfile
{
    /// <summary>When the profile was built (from the caller's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Rows in the training table.</summary>
    public int RowCount { get; init; }

    /// <summary>The label column, if the training table had one.</summary>
    public string? Label { get; init; }

    /// <summary>The model's task, when known (decides whether the label is compared as classes or numbers).</summary>
    public AutoMLTask? Task { get; init; }

    /// <summary>One profile per training column, in the table's order (label included).</summary>
    public required IReadOnlyList<ColumnProfile> Columns { get; init; }

    /// <summary>Holdout performance and score distribution; null until set.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Feature name → non-negative importance (any scale); null when unknown. Weights the dataset drift share.</summary>
    public IReadOnlyDictionary<string, double>? FeatureImportance { get; init; }

    /// <summary>Whole feature rows for multivariate drift; null in profiles written before Vigil kept them (or with a cap of 0).</summary>
    public ReferenceRowSample? RowSample { get; init; }

    /// <summary>The settings used to build the profile.</summary>
    public required ReferenceProfileOptions Options { get; init; }

    /// <summary>The feature columns (every column but the label).</summary>
    [JsonIgnore]
    public IEnumerable<ColumnProfile> Features => Columns.Where(c => !c.IsLabel);

    /// <summary>The profile of <paramref name="name"/>, or null.</summary>
    public ColumnProfile? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// Profiles <paramref name="training"/>. A classification <paramref name="task"/> profiles the label as categories.
    /// </summary>
    public static ReferenceProfile Build(Table training, string? label = null, AutoMLTask? task = null,
        ReferenceProfileOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        options ??= new ReferenceProfileOptions();
        options.Validate();
        if (label is not null && !training.Contains(label))
        {
            throw new ArgumentException($"The label column '{label}' is not in the training table. Columns: {string.Join(", ", training.ColumnNames)}.", nameof(label));
        }

        var classification = task is AutoMLTask.Binary or AutoMLTask.Multiclass;
        var columns = new ColumnProfile[training.Columns.Count];
        Parallel.For(0, columns.Length, i =>
        {
            var column = training.Columns[i];
            var isLabel = string.Equals(column.Name, label, StringComparison.Ordinal);
            columns[i] = ColumnProfiler.Build(column, i, isLabel, isLabel && classification, options);
        });
        return new ReferenceProfile
        {
            CreatedAt = (timeProvider ?? TimeProvider.System).GetUtcNow(),
            RowCount = training.RowCount,
            Label = label,
            Task = task,
            Columns = columns,
            RowSample = options.RowSampleCap > 0 ? ReferenceRowSample.Build(training, label, options.RowSampleCap, options.Seed) : null,
            Options = options,
        };
    }

    /// <summary>How logged feature values are typed when logged rows become a table (checks, retraining): columns the
    /// profile compares as categories are categorical, date-time columns date-times (logged as ISO text), the rest numeric.</summary>
    public IReadOnlyDictionary<string, ColumnKind> LoggedColumnKinds() =>
        Columns.ToDictionary(
            c => c.Name,
            c => c.ComparedAsCategorical ? ColumnKind.Categorical : c.Kind == ColumnKind.DateTime ? ColumnKind.DateTime : ColumnKind.Numeric,
            StringComparer.Ordinal);

    /// <summary>
    /// The stored values as a drift reference for <paramref name="columns"/> (default: every column). Columns are padded
    /// with missing cells to one length, so the report's <c>missing_reference</c> and <c>reference_rows</c> are not the
    /// training figures: <see cref="DriftCheck"/> restores them from the profile.
    /// </summary>
    public ReferenceSample ToReferenceSample(IEnumerable<string>? columns = null, int psiBins = 10)
    {
        var chosen = columns is null ? Columns : columns.Select(n => Find(n) ?? throw new ArgumentException($"The profile has no column '{n}'.", nameof(columns))).ToArray();
        var length = chosen.Count == 0 ? 0 : chosen.Max(c => c.ComparedAsCategorical ? (int)c.Categories!.Values.Sum() : c.Sample!.Count);
        return ReferenceSample.Prepare(new Table(chosen.Select(c => ToColumn(c, length))), psiBins, 1);
    }

    private static Column ToColumn(ColumnProfile profile, int length)
    {
        if (!profile.ComparedAsCategorical)
        {
            var values = new double[length];
            Array.Fill(values, double.NaN);
            for (var i = 0; i < profile.Sample!.Count; i++)
            {
                values[i] = profile.Sample[i];
            }

            return new NumericColumn(profile.Name, values);
        }

        // Repeat each category by its count: CategoricalReference recounts exactly the stored frequencies.
        var categories = profile.Categories!.Keys.ToArray();
        if (profile.Kind == ColumnKind.Boolean && categories.All(c => c is "true" or "false"))
        {
            // Kept boolean so tests for boolean columns (the two-proportion z-test) accept it; the counts are the same.
            var flags = new bool?[length];
            var next = 0;
            foreach (var category in categories)
            {
                for (long j = 0; j < profile.Categories[category]; j++)
                {
                    flags[next++] = category == "true";
                }
            }

            return new BooleanColumn(profile.Name, flags);
        }

        var codes = new int[length];
        Array.Fill(codes, CategoricalColumn.MissingCode);
        var at = 0;
        for (var k = 0; k < categories.Length; k++)
        {
            var count = profile.Categories[categories[k]];
            for (long j = 0; j < count; j++)
            {
                codes[at++] = k;
            }
        }

        return new CategoricalColumn(profile.Name, codes, categories);
    }
}
