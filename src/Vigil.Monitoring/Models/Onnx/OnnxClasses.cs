using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Vigil.AutoML;
using Vigil.AutoML.Featurization;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Models.Onnx;

/// <summary>
/// Classes given by the user (<c>--classes a,b,c</c>, the API's <c>classes</c>) for an ONNX classifier whose
/// probability tensor names none: checked against the model — one class a probability column, or exactly a ZipMap's
/// keys — and against the label column when there is one (each of its values one of the classes).
/// </summary>
internal static class OnnxClasses
{
    public static LabelMapping Given(InferenceSession session, OnnxLayout layout, string shownAs, Table probe, IReadOnlyList<string> classes,
        Column? label, AutoMLTask task)
    {
        var shown = string.Join(", ", classes);
        if (!layout.IsClassifier || task == AutoMLTask.Regression)
        {
            throw new ModelInputException($"--classes names classes, but {shownAs} is a regression model (output '{layout.ValueOutput}' gives values).");
        }

        if (classes.Count < 2)
        {
            throw new ModelInputException($"--classes names {classes.Count} class ({shown}); a classifier has at least two.");
        }

        if (classes.FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
        {
            throw new ModelInputException($"--classes has an empty name ({shown}).");
        }

        if (classes.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ModelInputException($"--classes names '{twice.Key}' twice ({shown}).");
        }

        if (task == AutoMLTask.Binary && classes.Count != 2)
        {
            throw new ModelInputException($"--classes names {classes.Count} classes ({shown}), but the task is binary.");
        }

        using (var results = session.Run(OnnxFeeds.Build(layout, probe), layout.Outputs))
        {
            var output = results.First(r => r.Name == layout.ProbabilityOutput);
            if (layout.ZipMap)
            {
                var keys = OnnxReadouts.ZipMapKeys(output);
                if (keys.Count != classes.Count || keys.Any(k => !classes.Contains(k, StringComparer.Ordinal)))
                {
                    throw new ModelInputException(
                        $"--classes names {classes.Count} classes ({shown}), but ONNX output '{layout.ProbabilityOutput}' of {shownAs} is a ZipMap keyed by {string.Join(", ", keys)}: give exactly its keys, or leave --classes out.");
                }
            }
            else if (OnnxReadouts.Width(output) is var width && width != classes.Count)
            {
                throw new ModelInputException(
                    $"--classes names {classes.Count} classes ({shown}), but ONNX output '{layout.ProbabilityOutput}' of {shownAs} has {width} probability columns: give one class a column, in the columns' order.");
            }
        }

        var mapping = new LabelMapping(label?.Name ?? "label", classes.Count == 2 ? AutoMLTask.Binary : AutoMLTask.Multiclass, classes.ToArray());
        if (label is not null)
        {
            var known = new ClassText(mapping);
            for (var i = 0; i < label.Length; i++)
            {
                if (!label.IsMissing(i) && label.FormatCell(i) is { } value && known.IndexOf(value) < 0)
                {
                    throw new ModelInputException(string.Create(CultureInfo.InvariantCulture,
                        $"Label column '{label.Name}' has the value '{value}' (row {i + 1}), which is not one of --classes ({shown})."));
                }
            }
        }

        return mapping;
    }
}
