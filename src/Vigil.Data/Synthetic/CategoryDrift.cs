using System.Globalization;
using Vigil.Data.Synthetic;
using Vigil.Data.Tables;

namespace Vigil.Data.Synthetic;

/// <summary>
/// Drift on one categorical column. Each method returns a new table where round(fraction × rows) rows, chosen by
/// seed-determined sampling without replacement, are changed; missing cells stay missing.
/// </summary>
public static class CategoryDrift
{
    /// <summary>
    /// Re-draws the chosen cells from a new distribution. <paramref name="weights"/> maps category to relative weight
    /// (normalized; a category not in the column is added to its dictionary). Null means the observed frequencies
    /// reversed: the most common category gets the weight of the rarest and so on.
    /// </summary>
    public static Table FrequencyChange(
        Table table, string column, IReadOnlyDictionary<string, double>? weights = null, double fraction = 1.0, int seed = 0)
    {
        var source = DriftInputs.Categorical(table, column);
        var categories = source.Categories.ToList();
        var target = new double[categories.Count];
        if (weights is null)
        {
            var counts = source.CategoryCounts();
            var byFrequency = Enumerable.Range(0, counts.Length).OrderByDescending(i => counts[i]).ThenBy(i => i).ToArray();
            for (var rank = 0; rank < byFrequency.Length; rank++)
            {
                target[byFrequency[rank]] = counts[byFrequency[^(rank + 1)]];
            }
        }
        else
        {
            foreach (var (category, weight) in weights)
            {
                if (!(weight >= 0) || double.IsInfinity(weight))
                {
                    throw new ArgumentException($"Weight of '{category}' must be a finite non-negative number.", nameof(weights));
                }

                var code = categories.IndexOf(category);
                if (code < 0)
                {
                    categories.Add(category);
                    Array.Resize(ref target, categories.Count);
                    code = categories.Count - 1;
                }

                target[code] = weight;
            }
        }

        if (!(target.Sum() > 0))
        {
            throw new ArgumentException("The new distribution has no weight on any category.", nameof(weights));
        }

        var random = new GaussianSampler(seed);
        var rows = DriftInputs.ChooseRows(source.Length, fraction, random.Random);
        var codes = source.Codes.ToArray();
        foreach (var r in rows)
        {
            if (codes[r] != CategoricalColumn.MissingCode)
            {
                codes[r] = random.Categorical(target);
            }
        }

        return table.WithColumn(new CategoricalColumn(source.Name, codes, categories.ToArray()));
    }

    /// <summary>
    /// Replaces the chosen cells with <paramref name="category"/>, which must not already be in the column
    /// (null picks "unseen", "unseen_1", ... whichever is free).
    /// </summary>
    public static Table NewCategory(Table table, string column, string? category = null, double fraction = 0.1, int seed = 0)
    {
        var source = DriftInputs.Categorical(table, column);
        var existing = new HashSet<string>(source.Categories, StringComparer.Ordinal);
        if (category is null)
        {
            category = "unseen";
            for (var i = 1; existing.Contains(category); i++)
            {
                category = string.Create(CultureInfo.InvariantCulture, $"unseen_{i}");
            }
        }
        else if (existing.Contains(category))
        {
            throw new ArgumentException($"Category '{category}' already occurs in column '{column}'.", nameof(category));
        }

        var categories = source.Categories.Append(category).ToArray();
        var rows = DriftInputs.ChooseRows(source.Length, fraction, new Random(seed));
        var codes = source.Codes.ToArray();
        foreach (var r in rows)
        {
            if (codes[r] != CategoricalColumn.MissingCode)
            {
                codes[r] = categories.Length - 1;
            }
        }

        return table.WithColumn(new CategoricalColumn(source.Name, codes, categories));
    }
}
