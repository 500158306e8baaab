namespace Vigil.AutoML.Validation;

/// <summary>
/// The resolved validation scheme and its splits (stratified for classification, shuffled with the seed).
/// Holdout training rows are kept in shuffled order so a prefix is a random sample for sample-size growth.
/// </summary>
internal sealed class ValidationPlan
{
    /// <summary>FLAML's SMALL_LARGE_THRES: rows × features per hour of budget under which CV is affordable.</summary>
    private const double CvCellsPerHour = 10_000_000;

    /// <summary>FLAML's CV_HOLDOUT_THRESHOLD: never CV above this many rows.</summary>
    private const int CvMaxRows = 100_000;

    /// <summary>A holdout grows (up to <see cref="MaxHoldoutFraction"/>) to hold at least this many rows: smaller ones are too noisy to choose models on.</summary>
    public const int MinHoldoutRows = 1_000;

    private const double MaxHoldoutFraction = 0.3;

    private ValidationPlan(ValidationMethod method, IReadOnlyList<Fold> folds)
    {
        Method = method;
        Folds = folds;
    }

    public ValidationMethod Method { get; }

    public IReadOnlyList<Fold> Folds { get; }

    /// <summary>FLAML's rule: CV when rows × features / 0.9 &lt; 10M × budget / 1 h and rows &lt; 100k (always CV without a budget).</summary>
    public static ValidationMethod Decide(ValidationMethod requested, int rows, int features, TimeSpan? budget)
    {
        if (requested != ValidationMethod.Auto)
        {
            return requested;
        }

        if (budget is null)
        {
            return rows < CvMaxRows ? ValidationMethod.CrossValidation : ValidationMethod.Holdout;
        }

        var affordable = rows * (double)Math.Max(features, 1) / 0.9 < CvCellsPerHour * (budget.Value.TotalSeconds / 3600);
        return affordable && rows < CvMaxRows ? ValidationMethod.CrossValidation : ValidationMethod.Holdout;
    }

    public static ValidationPlan Create(ValidationMethod method, int[]? classes, int rows, int folds, double holdoutFraction, int seed)
    {
        var random = new Random(seed);
        var groups = Groups(classes, rows, random);
        CheckSize(method, groups, rows, folds, classes is not null);
        if (method == ValidationMethod.CrossValidation)
        {
            var assignment = new int[rows];
            var next = 0;
            foreach (var g in groups)
            {
                foreach (var r in g)
                {
                    assignment[r] = next++ % folds;
                }
            }

            var list = new List<Fold>(folds);
            for (var f = 0; f < folds; f++)
            {
                var train = Enumerable.Range(0, rows).Where(r => assignment[r] != f).ToArray();
                var valid = Enumerable.Range(0, rows).Where(r => assignment[r] == f).ToArray();
                Shuffle(train, random);
                list.Add(new Fold(train, valid));
            }

            return new ValidationPlan(method, list);
        }

        holdoutFraction = Math.Max(holdoutFraction, Math.Min(MaxHoldoutFraction, (double)MinHoldoutRows / rows));
        var validRows = new List<int>();
        var trainRows = new List<int>();
        foreach (var g in groups)
        {
            var take = (int)Math.Round(g.Count * holdoutFraction);
            take = Math.Clamp(take, g.Count >= 2 ? 1 : 0, Math.Max(g.Count - 1, 0));
            validRows.AddRange(g.Take(take));
            trainRows.AddRange(g.Skip(take));
        }

        var trainArray = trainRows.ToArray();
        Shuffle(trainArray, random);
        var validArray = validRows.ToArray();
        Array.Sort(validArray);
        return new ValidationPlan(method, [new Fold(trainArray, validArray)]);
    }

    private static void CheckSize(ValidationMethod method, List<List<int>> groups, int rows, int folds, bool classification)
    {
        var minRows = method == ValidationMethod.CrossValidation ? Math.Max(2 * folds, 10) : 10;
        if (rows < minRows)
        {
            throw new AutoMLException(
                AutoMLErrorCode.TooFewRows,
                $"{rows} rows are too few for {Describe(method, folds)}; need at least {minRows}.");
        }

        if (classification)
        {
            const int need = 2;
            var small = groups.FirstOrDefault(g => g.Count < need);
            if (small is not null)
            {
                throw new AutoMLException(
                    AutoMLErrorCode.TooFewRows,
                    $"A class has only {small.Count} row(s); each class needs at least {need} rows for {Describe(method, folds)}.");
            }
        }
    }

    private static string Describe(ValidationMethod method, int folds) =>
        method == ValidationMethod.CrossValidation ? $"{folds}-fold cross-validation" : "a holdout split";

    private static List<List<int>> Groups(int[]? classes, int rows, Random random)
    {
        var groups = new List<List<int>>();
        if (classes is null)
        {
            groups.Add(Enumerable.Range(0, rows).ToList());
        }
        else
        {
            var count = classes.Length == 0 ? 0 : classes.Max() + 1;
            for (var k = 0; k < count; k++)
            {
                groups.Add([]);
            }

            for (var r = 0; r < rows; r++)
            {
                groups[classes[r]].Add(r);
            }

            groups.RemoveAll(g => g.Count == 0);
        }

        foreach (var g in groups)
        {
            var arr = g.ToArray();
            Shuffle(arr, random);
            g.Clear();
            g.AddRange(arr);
        }

        return groups;
    }

    private static void Shuffle(int[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
