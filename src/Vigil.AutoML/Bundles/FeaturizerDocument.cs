using Vigil.AutoML.Featurization;

namespace Vigil.AutoML.Bundles;

/// <summary>featurizer.json: the column recipes and the label mapping.</summary>
internal sealed record FeaturizerDocument(IReadOnlyList<ColumnFeaturization> Columns, IReadOnlyList<string> DroppedColumns, LabelMapping Labels);
