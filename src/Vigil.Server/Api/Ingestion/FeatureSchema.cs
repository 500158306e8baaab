using System.Runtime.CompilerServices;
using System.Text;
using Vigil.Monitoring.Models;
using Vigil.Data.Tables;

namespace Vigil.Server.Api.Ingestion;

/// <summary>
/// The champion's input columns (names and kinds, from its bundle manifest) in the form the batch reader matches
/// property names against: the UTF-8 bytes of each name, so a row whose features come in the usual order costs one
/// byte comparison per feature and no string.
/// </summary>
internal sealed class FeatureSchema
{
    private static readonly ConditionalWeakTable<LoadedModel, FeatureSchema> Cache = [];

    private readonly byte[][] _utf8Names;
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public FeatureSchema(IEnumerable<KeyValuePair<string, ColumnKind>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var list = columns.ToList();
        Names = list.ConvertAll(c => c.Key);
        Kinds = list.ConvertAll(c => c.Value);
        _utf8Names = list.ConvertAll(c => Encoding.UTF8.GetBytes(c.Key)).ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Names.Count; i++)
        {
            _index[Names[i]] = i;
        }

        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The schema of a loaded model (any kind), built once per model.</summary>
    public static FeatureSchema For(LoadedModel model) => Cache.GetValue(model, m => new FeatureSchema(m.InputKinds));

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<ColumnKind> Kinds { get; }

    public int Count => Names.Count;

    /// <summary>True when <paramref name="utf8"/> (unescaped) is the name of column <paramref name="index"/>.</summary>
    public bool Is(int index, ReadOnlySpan<byte> utf8) => (uint)index < (uint)_utf8Names.Length && utf8.SequenceEqual(_utf8Names[index]);

    /// <summary>The index of the column called <paramref name="name"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> name) => _lookup.TryGetValue(name, out var i) ? i : -1;

    /// <summary>"a number", "a boolean", …: what a column of that kind accepts, for error messages.</summary>
    public static string Expected(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "a number (or a string holding one) or null",
        ColumnKind.Boolean => "true, false (or the string \"true\"/\"false\") or null",
        ColumnKind.DateTime => "an ISO 8601 date-time string or null",
        _ => "a string, number, boolean or null",
    };
}
