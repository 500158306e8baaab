using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.AutoML.Bundles;

/// <summary>
/// Checks LightGBM model text before LightGBM itself reads it. LightGBM's loader is not safe on damaged text: with a
/// <c>tree_sizes</c> line it parses the trees on several threads and a format error there aborts the whole process
/// (found by fuzzing bundle uploads), and a tree whose children or features point out of range makes scoring read
/// outside its arrays or loop forever. So the text must have LightGBM's layout — a header, then <c>Tree=</c> blocks of
/// known <c>key=value</c> lines with the right number of well-formed numbers, each tree a proper binary tree over its
/// leaves and the header's features — and <c>tree_sizes</c> is dropped (LightGBM then reads the trees one by one,
/// which reports an error instead of aborting). Anything else is refused with <see cref="InvalidOperationException"/>.
/// </summary>
internal static partial class LightGbmModelText
{
    private const string EndOfTrees = "end of trees";

    /// <summary>Large enough for any model Vigil trains (its searches cap leaves far lower), small enough to bound memory.</summary>
    private const int MaxLeaves = 1 << 17;

    private static readonly HashSet<string> HeaderKeys = new(StringComparer.Ordinal)
    {
        "version", "num_class", "num_tree_per_iteration", "label_index", "max_feature_idx", "objective", "feature_names",
        "feature_infos", "tree_sizes",
    };

    private static readonly HashSet<string> TreeKeys = new(StringComparer.Ordinal)
    {
        "num_leaves", "num_cat", "split_feature", "split_gain", "threshold", "decision_type", "left_child", "right_child",
        "leaf_value", "leaf_weight", "leaf_count", "internal_value", "internal_weight", "internal_count", "cat_boundaries",
        "cat_threshold", "is_linear", "leaf_const", "num_features", "leaf_features", "leaf_coeff", "shrinkage",
    };

    /// <summary>The text LightGBM may read: <paramref name="text"/> checked, without its <c>tree_sizes</c> line.</summary>
    /// <exception cref="InvalidOperationException">The text is not a LightGBM model Vigil can load safely; the message says where.</exception>
    public static string Checked(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var i = 0;
        Require(lines.Length > 0 && lines[0] == "tree", 1, "the first line must be 'tree'");
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<string> { "tree" };
        for (i = 1; i < lines.Length && lines[i].Length > 0; i++)
        {
            if (lines[i] == "average_output")
            {
                kept.Add(lines[i]);
                continue;
            }

            var (key, value) = KeyValue(lines[i], i + 1, HeaderKeys);
            Require(header.TryAdd(key, value), i + 1, $"'{key}' appears twice in the header");
            if (key != "tree_sizes")
            {
                kept.Add(lines[i]);
            }
        }

        var features = Int(Field(header, "max_feature_idx", i), "max_feature_idx", i) + 1;
        Require(features is > 0 and <= 1_000_000, i, "max_feature_idx is out of range");
        var classes = Int(Field(header, "num_class", i), "num_class", i);
        var perIteration = Int(Field(header, "num_tree_per_iteration", i), "num_tree_per_iteration", i);
        Require(classes is >= 1 and <= 100_000 && (perIteration == 1 || perIteration == classes), i, "num_class and num_tree_per_iteration disagree");
        Require(Field(header, "feature_names", i).Split(' ').Length == features, i, "feature_names does not list max_feature_idx + 1 names");
        Require(Field(header, "feature_infos", i).Split(' ').Length == features, i, "feature_infos does not describe max_feature_idx + 1 features");
        _ = Field(header, "objective", i);

        var trees = 0;
        kept.Add("");
        while (true)
        {
            for (; i < lines.Length && lines[i].Length == 0; i++)
            {
            }

            Require(i < lines.Length, i, $"the text ends before '{EndOfTrees}'");
            if (lines[i] == EndOfTrees)
            {
                break;
            }

            Require(TreeLine().IsMatch(lines[i]), i + 1, $"expected 'Tree=N' or '{EndOfTrees}'");
            var start = i++;
            var tree = new Dictionary<string, string>(StringComparer.Ordinal);
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                var (key, value) = KeyValue(lines[i], i + 1, TreeKeys);
                Require(tree.TryAdd(key, value), i + 1, $"'{key}' appears twice in tree {trees}");
            }

            CheckTree(tree, features, start + 1);
            kept.AddRange(lines[start..i]);
            kept.Add("");
            trees++;
        }

        Require(trees > 0 && trees % perIteration == 0, i + 1, $"{trees} trees do not make whole iterations of {perIteration}");
        Require(!lines[(i + 1)..].Any(l => l.StartsWith("Tree=", StringComparison.Ordinal)), i + 1, $"a tree after '{EndOfTrees}'");
        kept.AddRange(lines[i..]);
        return string.Join('\n', kept);
    }

    private static void CheckTree(Dictionary<string, string> tree, int features, int line)
    {
        var leaves = Int(Field(tree, "num_leaves", line), "num_leaves", line);
        Require(leaves is >= 1 and <= MaxLeaves, line, "num_leaves is out of range");
        var categories = Int(Field(tree, "num_cat", line), "num_cat", line);
        Require(categories >= 0 && categories < leaves, line, "num_cat is out of range");
        Doubles(tree, "leaf_value", leaves, line, required: true);
        Doubles(tree, "leaf_weight", leaves, line, required: false);
        Ints(tree, "leaf_count", leaves, line, required: false);
        _ = Double(Field(tree, "shrinkage", line), "shrinkage", line);
        var linear = tree.TryGetValue("is_linear", out var isLinear) ? Int(isLinear, "is_linear", line) : 0;
        Require(linear is 0 or 1, line, "is_linear must be 0 or 1");
        if (linear == 1)
        {
            CheckLinearLeaves(tree, leaves, features, line);
        }

        if (leaves == 1)
        {
            return;
        }

        var nodes = leaves - 1;
        var split = Ints(tree, "split_feature", nodes, line, required: true)!;
        Require(split.All(f => f >= 0 && f < features), line, "split_feature names a feature the header does not have");
        var types = Ints(tree, "decision_type", nodes, line, required: true)!;
        Require(types.All(t => t is >= 0 and < 16 && ((t >> 2) & 3) != 3), line, "decision_type is not a valid split type");
        var thresholds = Doubles(tree, "threshold", nodes, line, required: true)!;
        Doubles(tree, "split_gain", nodes, line, required: false);
        Doubles(tree, "internal_value", nodes, line, required: false);
        Doubles(tree, "internal_weight", nodes, line, required: false);
        Ints(tree, "internal_count", nodes, line, required: false);
        CheckTopology(Ints(tree, "left_child", nodes, line, required: true)!, Ints(tree, "right_child", nodes, line, required: true)!, leaves, line);
        if (categories > 0)
        {
            var bounds = Ints(tree, "cat_boundaries", categories + 1, line, required: true)!;
            Require(bounds[0] == 0 && bounds.Zip(bounds.Skip(1)).All(p => p.First <= p.Second), line, "cat_boundaries must rise from 0");
            Ints(tree, "cat_threshold", bounds[^1], line, required: true, allowUnsigned: true);
        }

        for (var n = 0; n < nodes; n++)
        {
            if ((types[n] & 1) == 1)
            {
                var index = thresholds[n];
                Require(index >= 0 && index < categories && index == Math.Floor(index), line, "a categorical split names a category set the tree does not have");
            }
        }
    }

    // Every internal node but the root is the child of exactly one node, every leaf too, and no node is its own ancestor:
    // scoring then walks from the root to a leaf in at most num_leaves - 1 steps.
    private static void CheckTopology(int[] left, int[] right, int leaves, int line)
    {
        var nodes = left.Length;
        var seenNodes = new bool[nodes];
        var seenLeaves = new bool[leaves];
        var stack = new Stack<int>();
        stack.Push(0);
        seenNodes[0] = true;
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var child in new[] { left[node], right[node] })
            {
                if (child >= 0)
                {
                    Require(child < nodes && !seenNodes[child], line, "left_child/right_child do not form a tree");
                    seenNodes[child] = true;
                    stack.Push(child);
                }
                else
                {
                    var leaf = ~child;
                    Require(leaf < leaves && !seenLeaves[leaf], line, "left_child/right_child name a leaf twice or one the tree does not have");
                    seenLeaves[leaf] = true;
                }
            }
        }

        Require(seenNodes.All(s => s) && seenLeaves.All(s => s), line, "left_child/right_child leave nodes or leaves unreachable");
    }

    private static void CheckLinearLeaves(Dictionary<string, string> tree, int leaves, int features, int line)
    {
        Doubles(tree, "leaf_const", leaves, line, required: true);
        var counts = Ints(tree, "num_features", leaves, line, required: true)!;
        Require(counts.All(c => c >= 0 && c <= features), line, "num_features is out of range");
        var total = counts.Sum();
        var used = Tokens(Field(tree, "leaf_features", line));
        Require(used.Length == total && used.All(t => IntToken().IsMatch(t) && int.Parse(t, CultureInfo.InvariantCulture) is var f && f >= 0 && f < features),
            line, "leaf_features does not match num_features");
        var coefficients = Tokens(Field(tree, "leaf_coeff", line));
        Require(coefficients.Length == total && coefficients.All(IsDouble), line, "leaf_coeff does not match num_features");
    }

    private static (string Key, string Value) KeyValue(string text, int line, HashSet<string> keys)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        Require(eq > 0, line, "expected a key=value line");
        var key = text[..eq];
        Require(keys.Contains(key), line, $"unknown key '{Shown(key)}'");
        return (key, text[(eq + 1)..]);
    }

    private static string Field(Dictionary<string, string> fields, string key, int line) =>
        fields.TryGetValue(key, out var value) ? value : throw Error(line, $"'{key}' is missing");

    private static int[]? Ints(Dictionary<string, string> fields, string key, int count, int line, bool required, bool allowUnsigned = false)
    {
        if (!fields.TryGetValue(key, out var text))
        {
            Require(!required, line, $"'{key}' is missing");
            return null;
        }

        var tokens = Tokens(text);
        Require(tokens.Length == count, line, $"'{key}' has {tokens.Length} values, expected {count}");
        return tokens.Select(t => allowUnsigned && UnsignedToken().IsMatch(t) && uint.TryParse(t, CultureInfo.InvariantCulture, out var u)
            ? unchecked((int)u)
            : Int(t, key, line)).ToArray();
    }

    private static double[]? Doubles(Dictionary<string, string> fields, string key, int count, int line, bool required)
    {
        if (!fields.TryGetValue(key, out var text))
        {
            Require(!required, line, $"'{key}' is missing");
            return null;
        }

        var tokens = Tokens(text);
        Require(tokens.Length == count, line, $"'{key}' has {tokens.Length} values, expected {count}");
        return tokens.Select(t => Double(t, key, line)).ToArray();
    }

    private static string[] Tokens(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static int Int(string token, string key, int line) =>
        IntToken().IsMatch(token) && int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error(line, $"'{key}' has '{Shown(token)}', not an integer");

    private static double Double(string token, string key, int line) =>
        ParseDouble(token) ?? throw Error(line, $"'{key}' has '{Shown(token)}', not a number");

    private static bool IsDouble(string token) => ParseDouble(token) is not null;

    // Numbers as LightGBM writes them: decimal or exponent notation, and inf / nan (a split at +inf is common).
    private static double? ParseDouble(string token) => token switch
    {
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" or "-nan" => double.NaN,
        _ when DoubleToken().IsMatch(token) && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };

    // A token quoted in a message: short, and one printable line whatever the file holds.
    private static string Shown(string text) =>
        new((text.Length > 40 ? string.Concat(text.AsSpan(0, 40), "…") : text).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static void Require(bool condition, int line, string problem)
    {
        if (!condition)
        {
            throw Error(line, problem);
        }
    }

    private static InvalidOperationException Error(int line, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"LightGBM model text, line {line}: {problem}."));

    [GeneratedRegex(@"^Tree=\d{1,9}$")]
    private static partial Regex TreeLine();

    [GeneratedRegex(@"^-?\d{1,10}$")]
    private static partial Regex IntToken();

    [GeneratedRegex(@"^\d{1,10}$")]
    private static partial Regex UnsignedToken();

    [GeneratedRegex(@"^-?(\d{1,400}(\.\d{0,400})?|\.\d{1,400})([eE][+-]?\d{1,4})?$")]
    private static partial Regex DoubleToken();
}
