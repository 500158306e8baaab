using System.Globalization;
using Vigil.Data.Csv;
using Vigil.Data.Synthetic;
using Vigil.Data.Tables;

// The replay benchmark's synthetic stream: 60 weeks of 336 rows from the drift generators.
//   weeks  0-15  concept A (make_classification-like, 10 features)
//   weeks 16-29  abrupt change: the label is mirrored where f0 is above its median (concept B)
//   weeks 30-39  gradual change to a new random linear teacher (concept C): 10 %, 20 %, ... 100 % of rows follow it
//   weeks 40-59  concept C, plus covariate shift with no concept change: f3 moves by +1 std, f5 gets noisy
// Usage: dotnet run --project bench/replay/StreamGen -- out.csv [seed]
var path = args.Length > 0 ? args[0] : "synthetic-stream.csv";
var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2024;
const int week = 336, weeks = 60;
var a = ClassificationGenerator.Generate(new ClassificationOptions
{
    Samples = week * weeks, Features = 10, Informative = 5, Redundant = 2, ClassSeparation = 1.5, FlipY = 0.02, Seed = seed,
});
var flipped = ConceptDrift.Apply(a, new ConceptDriftOptions { Change = ConceptChange.FlipRegion, RegionFeature = "f0", Seed = seed + 1 });
var teacher = ConceptDrift.Apply(a, new ConceptDriftOptions { Change = ConceptChange.NewTeacher, Seed = seed + 2 });
var labelA = ((NumericColumn)a["target"]).Values.ToArray();
var labelB = ((NumericColumn)flipped["target"]).Values.ToArray();
var labelC = ((NumericColumn)teacher["target"]).Values.ToArray();
var random = new Random(seed + 3);
var label = new double[labelA.Length];
for (var i = 0; i < label.Length; i++)
{
    var w = i / week;
    var shareC = w < 30 ? 0.0 : Math.Min(1.0, (w - 29) / 10.0);
    label[i] = w < 16 ? labelA[i] : random.NextDouble() < shareC ? labelC[i] : labelB[i];
}

var stream = a.WithColumn(new NumericColumn("target", label));
var tail = stream.Slice(40 * week, 20 * week);
tail = NumericDrift.MeanShift(tail, "f3", 1.0, seed: seed + 4);
tail = NumericDrift.AddNoise(tail, "f5", 0.8, seed: seed + 5);
stream = Table.Concat([stream.Slice(0, 40 * week), tail]);
CsvTableWriter.Write(stream, path);
Console.WriteLine($"{path}: {stream.RowCount} rows, {weeks} weeks of {week}");
