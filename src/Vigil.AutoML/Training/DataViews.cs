using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vigil.AutoML.Training;

/// <summary>Builds ML.NET views over float feature rows; the "Features" vector size is fixed through a schema definition.</summary>
internal static class DataViews
{
    public const string Features = "Features";
    public const string Label = "Label";

    public static IDataView Create(MLContext ml, AutoMLTask task, float[][] rows, int[]? classes, double[]? targets, int classCount, int width)
    {
        switch (task)
        {
            case AutoMLTask.Binary:
                {
                    var items = new BinaryRow[rows.Length];
                    for (var i = 0; i < rows.Length; i++)
                    {
                        items[i] = new BinaryRow { Features = rows[i], Label = classes is not null && classes[i] == 1 };
                    }

                    return ml.Data.LoadFromEnumerable(items, Schema<BinaryRow>(width, null));
                }

            case AutoMLTask.Multiclass:
                {
                    var items = new KeyRow[rows.Length];
                    for (var i = 0; i < rows.Length; i++)
                    {
                        // LoadFromEnumerable stores the key index as given (slot k of the scores is class k).
                        items[i] = new KeyRow { Features = rows[i], Label = classes is null ? 0u : (uint)Math.Max(classes[i], 0) };
                    }

                    return ml.Data.LoadFromEnumerable(items, Schema<KeyRow>(width, new KeyDataViewType(typeof(uint), classCount)));
                }

            default:
                {
                    var items = new FloatRow[rows.Length];
                    for (var i = 0; i < rows.Length; i++)
                    {
                        items[i] = new FloatRow { Features = rows[i], Label = targets is null ? 0f : (float)targets[i] };
                    }

                    return ml.Data.LoadFromEnumerable(items, Schema<FloatRow>(width, null));
                }
        }
    }

    private static SchemaDefinition Schema<T>(int width, DataViewType? labelType)
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        if (labelType is not null)
        {
            schema[Label].ColumnType = labelType;
        }

        return schema;
    }

    internal sealed class BinaryRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    internal sealed class KeyRow
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }
    }

    internal sealed class FloatRow
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
