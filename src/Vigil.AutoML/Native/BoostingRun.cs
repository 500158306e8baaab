namespace Vigil.AutoML.Native;

/// <summary>
/// What a native LightGBM training left: validation predictions in <see cref="Training.Predictions"/> layout, the
/// rounds kept, and the booster itself when the caller asked to keep it (the caller then disposes it).
/// </summary>
internal sealed record BoostingResult(double[] ValidPredictions, int Rounds, bool StoppedEarly, BoosterHandle? Booster = null);

/// <summary>
/// Trains one LightGBM booster on a training dataset with the validation dataset attached, round by round: the
/// cancellation token is checked after every round (a trial cut off by the budget stops within one round), and with
/// early stopping the booster is rolled back to its best round once the validation loss has stalled for
/// <c>patience</c> rounds. Validation predictions come from the booster's incrementally kept scores, so scoring a
/// trial costs nothing extra.
/// </summary>
internal static class BoostingRun
{
    public static BoostingResult Train(
        DatasetHandle train, DatasetHandle valid, int validRows, string parameters, int rounds, int classes, int patience, CancellationToken token, bool keepBooster = false)
    {
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterCreate(train, parameters, out var raw));
        var booster = new BoosterHandle(raw);
        try
        {
            var result = Train(booster, valid, validRows, rounds, classes, patience, token);
            if (keepBooster)
            {
                return result with { Booster = booster };
            }

            booster.Dispose();
            return result;
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    private static BoostingResult Train(BoosterHandle booster, DatasetHandle valid, int validRows, int rounds, int classes, int patience, CancellationToken token)
    {
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterAddValidData(booster, valid));
        var (done, stopped) = Boost(booster, rounds, patience, token);
        return new BoostingResult(Predictions(booster, validRows, classes), done, stopped);
    }

    /// <summary>
    /// Adds up to <paramref name="rounds"/> rounds, checking the token before each. With <paramref name="patience"/> &gt; 0
    /// (validation data attached) it stops once the validation loss has stalled that long and rolls back to the best
    /// round. Returns the rounds kept and whether it stopped early.
    /// </summary>
    private static (int Rounds, bool StoppedEarly) Boost(BoosterHandle booster, int rounds, int patience, CancellationToken token)
    {
        var best = double.PositiveInfinity;
        var bestRound = 0;
        var eval = new double[8];
        for (var round = 1; round <= rounds; round++)
        {
            token.ThrowIfCancellationRequested();
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterUpdateOneIter(booster, out var finished));
            if (patience > 0)
            {
                LightGbmApi.Check(LightGbmApi.LGBM_BoosterGetEval(booster, 1, out var count, eval));
                var loss = count > 0 ? eval[0] : double.NaN;
                if (loss < best)
                {
                    best = loss;
                    bestRound = round;
                }
                else if (round - bestRound >= patience)
                {
                    break;
                }
            }

            if (finished != 0)
            {
                // No split meets the requirements any more (LightGBM dropped that round's trees); a refit of the same
                // configuration stops at the same point, so this is not early stopping.
                break;
            }
        }

        token.ThrowIfCancellationRequested();
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterGetCurrentIteration(booster, out var done));
        var stopped = false;
        if (patience > 0 && bestRound > 0 && bestRound < done)
        {
            for (var r = done; r > bestRound; r--)
            {
                LightGbmApi.Check(LightGbmApi.LGBM_BoosterRollbackOneIter(booster));
            }

            done = bestRound;
            stopped = true;
        }

        return (done, stopped);
    }

    /// <summary>
    /// Trains <paramref name="rounds"/> rounds on <paramref name="train"/> without validation (the refit on all rows) and
    /// returns LightGBM's model text. The token is checked before every round.
    /// </summary>
    public static string Fit(DatasetHandle train, string parameters, int rounds, CancellationToken token)
    {
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterCreate(train, parameters, out var raw));
        using var booster = new BoosterHandle(raw);
        Boost(booster, rounds, patience: 0, token);
        return Bundles.LightGbmModel.TextOf(booster);
    }

    /// <summary>
    /// Times the first two rounds of training on <paramref name="train"/> (the booster's set-up counts in the first):
    /// what a refit's time is estimated from when scaling a sample's trial time would be a guess (see
    /// <see cref="Search.SearchLoop"/>). Next is 0 when no second round could be added.
    /// </summary>
    public static (double First, double Next) TimeRounds(DatasetHandle train, string parameters, CancellationToken token)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterCreate(train, parameters, out var raw));
        using var booster = new BoosterHandle(raw);
        token.ThrowIfCancellationRequested();
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterUpdateOneIter(booster, out var finished));
        var first = watch.Elapsed.TotalSeconds;
        if (finished != 0)
        {
            return (first, 0);
        }

        token.ThrowIfCancellationRequested();
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterUpdateOneIter(booster, out _));
        return (first, watch.Elapsed.TotalSeconds - first);
    }

    /// <summary>The validation scores, transformed (probabilities / values); LightGBM lays classes out class-major.</summary>
    private static double[] Predictions(BoosterHandle booster, int rows, int classes)
    {
        var perRow = Math.Max(classes, 1);
        var raw = new double[(long)rows * perRow];
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterGetPredict(booster, 1, out var length, raw));
        if (length != raw.Length)
        {
            throw new InvalidOperationException($"LightGBM returned {length} validation scores, expected {raw.Length}.");
        }

        if (perRow == 1)
        {
            return raw;
        }

        var rowMajor = new double[raw.Length];
        for (var k = 0; k < perRow; k++)
        {
            for (var i = 0; i < rows; i++)
            {
                rowMajor[(i * perRow) + k] = raw[((long)k * rows) + i];
            }
        }

        return rowMajor;
    }
}
