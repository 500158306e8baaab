using System.Globalization;
using Vigil.AutoML;
using Vigil.AutoML.Featurization;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Models;

/// <summary>
/// Checks the prediction and score columns named at registration: present, a prediction that is a known class (or a
/// number for regression), scores that are numbers, and probabilities within [0, 1]. One line naming the column,
/// row and value.
/// </summary>
internal static class OutputColumnCheck
{
    public static void Names(Table data, string shownAs, string label, string? prediction, IReadOnlyList<string> scores)
    {
        var all = new List<string>();
        if (prediction is not null)
        {
            all.Add(prediction);
        }

        all.AddRange(scores);
        foreach (var name in all)
        {
            if (name == label)
            {
                throw new ModelInputException($"Column '{name}' is the label; a prediction or score column must be another column.");
            }

            if (!data.Contains(name))
            {
                throw new ModelInputException($"{shownAs} has no column '{name}' (named as a {(name == prediction ? "prediction" : "score")} column); columns: {Columns(data)}.");
            }
        }

        var twice = all.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ModelInputException($"Column '{twice.Key}' is named twice among the prediction and score columns.");
        }
    }

    public static void Values(Table data, string shownAs, LabelMapping labels, string? prediction, IReadOnlyList<string> scores)
    {
        if (labels.Task == AutoMLTask.Multiclass && scores.Count > 1 && scores.Count != labels.ClassCount)
        {
            throw new ModelInputException(
                $"{scores.Count} score columns were given for {labels.ClassCount} classes; give one per class in the label's sorted order ({string.Join(", ", labels.Classes)}), or one for the predicted class's probability.");
        }

        if (labels.Task == AutoMLTask.Binary && scores.Count > 1)
        {
            throw new ModelInputException(
                $"{scores.Count} score columns were given for a binary model; give one: the probability of the positive class '{labels.Classes[1]}'.");
        }

        foreach (var name in scores)
        {
            if (data[name] is not NumericColumn column)
            {
                throw new ModelInputException($"Score column '{name}' of {shownAs} is {data[name].Kind.ToString().ToLowerInvariant()}, not numeric; scores are numbers.");
            }

            if (labels.Task == AutoMLTask.Regression)
            {
                continue;
            }

            for (var i = 0; i < column.Length; i++)
            {
                var v = column[i];
                if (!double.IsNaN(v) && !LoggedOutputs.IsProbability(v))
                {
                    throw new ModelInputException(
                        $"Score column '{name}' of {shownAs}, row {i + 1}: {v.ToString("R", CultureInfo.InvariantCulture)} is not a probability; the scores of a classifier are in [0, 1].");
                }
            }
        }

        if (prediction is null)
        {
            return;
        }

        var predicted = data[prediction];
        var classes = new ClassText(labels);
        for (var i = 0; i < predicted.Length; i++)
        {
            if (predicted.IsMissing(i))
            {
                continue;
            }

            var text = predicted.FormatCell(i);
            var fits = labels.Task == AutoMLTask.Regression ? double.IsFinite(ClassText.ParseOrNaN(text)) : classes.IndexOf(text) >= 0;
            if (!fits)
            {
                throw new ModelInputException(labels.Task == AutoMLTask.Regression
                    ? $"Prediction column '{prediction}' of {shownAs}, row {i + 1}: '{text}' is not a number; a regression model predicts numbers."
                    : $"Prediction column '{prediction}' of {shownAs}, row {i + 1}: '{text}' is not a class of label '{labels.LabelColumn}' ({string.Join(", ", labels.Classes.Take(20))}).");
            }
        }
    }

    private static string Columns(Table data) =>
        data.Columns.Count <= 20 ? string.Join(", ", data.ColumnNames) : string.Join(", ", data.ColumnNames.Take(20)) + ", …";
}
