using Vigil.Data.Tables;

namespace Vigil.Monitoring.Drift.ColumnTests;

/// <summary>
/// The column tests Vigil knows by name, and the default test per column kind. <see cref="Default"/> holds the
/// built-in tests (<c>ks</c>, <c>chi2</c>, <c>ad</c>, <c>cvm</c>, <c>z</c>) and the documented defaults: KS for numeric
/// and date-time columns, chi-square for categorical and boolean ones, whatever the sample sizes (the sizes are
/// passed so a default may depend on them; KS itself switches from exact to asymptotic p-values above 10,000).
/// A library user adds a test with <see cref="With"/> and selects it per column in <see cref="DriftOptions.Tests"/>.
/// Immutable and thread-safe.
/// </summary>
public sealed class ColumnTestRegistry
{
    private readonly Dictionary<string, ColumnTest> _byName;
    private readonly Dictionary<ColumnKind, ColumnTest> _defaults;

    /// <summary>Registers <paramref name="tests"/> (unique names) with a default per kind, each one of the tests.</summary>
    public ColumnTestRegistry(IEnumerable<ColumnTest> tests, IReadOnlyDictionary<ColumnKind, string> defaults)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(defaults);
        Tests = tests.ToArray();
        _byName = new Dictionary<string, ColumnTest>(StringComparer.Ordinal);
        foreach (var test in Tests)
        {
            if (string.IsNullOrWhiteSpace(test.Name) || !_byName.TryAdd(test.Name, test))
            {
                throw new ArgumentException($"Column test names must be non-empty and unique; '{test.Name}' is not.", nameof(tests));
            }
        }

        _defaults = [];
        foreach (var (kind, name) in defaults)
        {
            var test = Find(name) ?? throw new ArgumentException($"The default test '{name}' for {Describe(kind)} columns is not registered.", nameof(defaults));
            if (!test.Accepts(kind))
            {
                throw new ArgumentException($"The default test '{name}' does not accept {Describe(kind)} columns.", nameof(defaults));
            }

            _defaults[kind] = test;
        }
    }

    /// <summary>The built-in tests with Vigil's documented defaults.</summary>
    public static ColumnTestRegistry Default { get; } = new(
        [new KolmogorovSmirnovTest(), new ChiSquareTest(), new AndersonDarlingTest(), new CramerVonMisesTest(), new TwoProportionTest()],
        new Dictionary<ColumnKind, string>
        {
            [ColumnKind.Numeric] = "ks",
            [ColumnKind.DateTime] = "ks",
            [ColumnKind.Categorical] = "chi2",
            [ColumnKind.Boolean] = "chi2",
        });

    /// <summary>Every registered test, in registration order.</summary>
    public IReadOnlyList<ColumnTest> Tests { get; }

    /// <summary>The test named <paramref name="name"/> (ordinal), or null.</summary>
    public ColumnTest? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The tests that accept a column of <paramref name="kind"/>, in registration order.</summary>
    public IReadOnlyList<ColumnTest> For(ColumnKind kind) => Tests.Where(t => t.Accepts(kind)).ToArray();

    /// <summary>The default test for a column of <paramref name="kind"/> with these non-missing sample sizes.</summary>
    public ColumnTest DefaultFor(ColumnKind kind, int referenceCount, int currentCount) =>
        _defaults.TryGetValue(kind, out var test) ? test : throw new InvalidOperationException($"No default test for {Describe(kind)} columns.");

    /// <summary>A registry with <paramref name="test"/> added (or replacing the one of the same name), same defaults.</summary>
    public ColumnTestRegistry With(ColumnTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var tests = Tests.Where(t => t.Name != test.Name).Append(test);
        return new ColumnTestRegistry(tests, _defaults.ToDictionary(d => d.Key, d => d.Value.Name));
    }

    /// <summary>
    /// The test to run on <paramref name="column"/>: <paramref name="requested"/> when given, else the default.
    /// Throws <see cref="ColumnTestInputException"/> naming the column and the accepted tests when the name is unknown
    /// or the test does not accept the column's kind.
    /// </summary>
    public ColumnTest Resolve(string column, ColumnKind kind, string? requested, int referenceCount, int currentCount)
    {
        if (requested is null)
        {
            return DefaultFor(kind, referenceCount, currentCount);
        }

        var accepted = string.Join(", ", For(kind).Select(t => t.Name));
        var test = Find(requested)
            ?? throw new ColumnTestInputException($"Unknown test '{requested}' for column '{column}'; tests for {Describe(kind)} columns: {accepted}.");
        if (!test.Accepts(kind))
        {
            throw new ColumnTestInputException($"The test '{requested}' does not accept column '{column}', which is {Describe(kind)}; tests for {Describe(kind)} columns: {accepted}.");
        }

        return test;
    }

    /// <summary>A column kind as messages name it: numeric, date-time, categorical, boolean.</summary>
    public static string Describe(ColumnKind kind) => kind == ColumnKind.DateTime ? "date-time" : kind.ToString().ToLowerInvariant();
}
