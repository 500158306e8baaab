namespace Vigil.AutoML.Native;

/// <summary>
/// Cross-fitted LightGBM binary classification through the native library (the booster code the AutoML search runs):
/// rows are binned once, split into stratified folds (seeded), and each fold is scored by a booster trained on the
/// others. Folds train in parallel, one LightGBM thread each (small boosters scale better across folds than across
/// threads). Used by the domain classifier of multivariate drift.
/// </summary>
public static class OutOfFoldClassifier
{
    /// <summary>
    /// Scores every row of <paramref name="matrix"/> (row-major, <paramref name="rows"/> × <paramref name="width"/>,
    /// NaN missing) out of fold. <paramref name="labels"/> are 0/1 with both present at least
    /// <see cref="OutOfFoldSettings.Folds"/> times; <paramref name="categorical"/> lists the features LightGBM splits as
    /// categories (their values are non-negative integer codes).
    /// </summary>
    public static OutOfFoldScores Fit(float[] matrix, int rows, int width, IReadOnlyList<int> labels, IReadOnlyList<int> categorical,
        OutOfFoldSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(categorical);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (width < 1 || rows < 1 || matrix.LongLength != (long)rows * width || labels.Count != rows)
        {
            throw new ArgumentException($"The matrix must hold {rows} rows × {width} features with one label per row.", nameof(matrix));
        }

        var folds = Stratified(labels, settings.Folds, settings.Seed);
        var floats = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            floats[i] = labels[i];
        }

        var datasetParameters = settings.DatasetParameters(categorical);
        LightGbmApi.Check(LightGbmApi.LGBM_DatasetCreateFromMat(matrix, LightGbmApi.Float32, rows, width, 1, datasetParameters, IntPtr.Zero, out var raw));
        using var all = new DatasetHandle(raw);
        LightGbmApi.Check(LightGbmApi.LGBM_DatasetSetField(all, "label", floats, rows, LightGbmApi.Float32));

        // Subsets share the full dataset's bins; they are cut one by one (the native call is not documented as thread-safe).
        var training = new DatasetHandle[settings.Folds];
        var heldOut = new int[settings.Folds][];
        try
        {
            for (var f = 0; f < settings.Folds; f++)
            {
                var train = Enumerable.Range(0, rows).Where(i => folds[i] != f).ToArray();
                heldOut[f] = Enumerable.Range(0, rows).Where(i => folds[i] == f).ToArray();
                LightGbmApi.Check(LightGbmApi.LGBM_DatasetGetSubset(all, train, train.Length, datasetParameters, out var subset));
                training[f] = new DatasetHandle(subset);
            }

            var scores = new double[rows];
            var importance = new double[settings.Folds][];
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = settings.Parallelism > 0 ? settings.Parallelism : Environment.ProcessorCount,
                CancellationToken = cancellationToken,
            };
            Parallel.For(0, settings.Folds, parallel, f =>
                importance[f] = FitFold(training[f], heldOut[f], matrix, width, settings, scores, cancellationToken));

            var gain = new double[width];
            foreach (var fold in importance)
            {
                for (var j = 0; j < width; j++)
                {
                    gain[j] += fold[j];
                }
            }

            return new OutOfFoldScores(scores, folds, gain, settings.Folds);
        }
        finally
        {
            foreach (var dataset in training)
            {
                dataset?.Dispose();
            }
        }
    }

    /// <summary>Trains on one fold's training rows, writes the held-out rows' scores, returns the fold's gain importance.</summary>
    private static double[] FitFold(DatasetHandle train, int[] heldOut, float[] matrix, int width, OutOfFoldSettings settings,
        double[] scores, CancellationToken cancellationToken)
    {
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterCreate(train, settings.BoosterParameters(), out var raw));
        using var booster = new BoosterHandle(raw);
        for (var round = 0; round < settings.Rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterUpdateOneIter(booster, out var finished));
            if (finished != 0)
            {
                break;
            }
        }

        var block = new float[(long)heldOut.Length * width];
        for (var r = 0; r < heldOut.Length; r++)
        {
            Array.Copy(matrix, (long)heldOut[r] * width, block, (long)r * width, width);
        }

        var values = new double[heldOut.Length];
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterPredictForMat(
            booster, block, LightGbmApi.Float32, heldOut.Length, width, 1, LightGbmApi.PredictNormal, 0, -1, "num_threads=1", out var length, values));
        if (length != values.Length)
        {
            throw new InvalidOperationException($"LightGBM returned {length} scores for {heldOut.Length} rows.");
        }

        for (var r = 0; r < heldOut.Length; r++)
        {
            scores[heldOut[r]] = values[r];
        }

        var gain = new double[width];
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterFeatureImportance(booster, 0, 1, gain));
        return gain;
    }

    /// <summary>Each class's rows shuffled (seeded) and dealt round-robin to the folds, so every fold keeps the class shares.</summary>
    private static int[] Stratified(IReadOnlyList<int> labels, int folds, int seed)
    {
        var assignment = new int[labels.Count];
        var random = new Random(seed);
        foreach (var label in new[] { 0, 1 })
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == label).ToArray();
            if (members.Length < folds)
            {
                throw new ArgumentException($"Class {label} has {members.Length} rows; {folds} folds need at least {folds}.", nameof(labels));
            }

            random.Shuffle(members);
            for (var k = 0; k < members.Length; k++)
            {
                assignment[members[k]] = k % folds;
            }
        }

        if (labels.Any(l => l is not (0 or 1)))
        {
            throw new ArgumentException("Labels must be 0 or 1.", nameof(labels));
        }

        return assignment;
    }
}
