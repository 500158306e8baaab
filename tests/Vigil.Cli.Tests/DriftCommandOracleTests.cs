using System.Text.Json;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>
/// Runs <c>vigil drift</c> on every case in shared/oracles/drift_cases and compares each JSON field with SciPy's
/// expectations (expected.json, made by make_drift_cases.py).
/// </summary>
public sealed class DriftCommandOracleTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("vigil-drift-").FullName;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var root = SharedData.RootOrNull;
        var folder = root is null ? null : Path.Combine(root, "oracles", "drift_cases");
        if (folder is null || !Directory.Exists(folder))
        {
            data.Add("(shared absent)");
            return data;
        }

        foreach (var dir in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void DriftJsonMatchesScipy(string caseName)
    {
        var folder = SharedData.RequireDirectory(Path.Combine("oracles", "drift_cases", caseName));
        var json = Path.Combine(_temp, caseName + ".json");
        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", Path.Combine(folder, "reference.csv"),
            "--current", Path.Combine(folder, "current.csv"), "--json", json);
        Assert.True(code is 0 or 1, $"exit {code}\n{stdout}\n{stderr}");

        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        using var actual = JsonDocument.Parse(File.ReadAllText(json));
        var actualColumns = actual.RootElement.GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        var checkedFields = 0;
        foreach (var column in expected.RootElement.GetProperty("columns").EnumerateObject())
        {
            Assert.True(actualColumns.TryGetValue(column.Name, out var got), $"{caseName}: column {column.Name} missing from the report");
            foreach (var field in column.Value.EnumerateObject())
            {
                Assert.True(got.TryGetProperty(field.Name, out var value), $"{caseName}.{column.Name}: field {field.Name} missing");
                switch (field.Value.ValueKind)
                {
                    case JsonValueKind.Number:
                        AssertClose(field.Value.GetDouble(), value.GetDouble(), $"{caseName}.{column.Name}.{field.Name}");
                        break;
                    case JsonValueKind.String:
                        Assert.Equal(field.Value.GetString(), value.GetString());
                        break;
                    case JsonValueKind.Array:
                        Assert.Equal(
                            field.Value.EnumerateArray().Select(e => e.GetString()).ToArray(),
                            value.EnumerateArray().Select(e => e.GetString()).ToArray());
                        break;
                    default:
                        throw new InvalidOperationException($"unexpected field kind {field.Value.ValueKind}");
                }

                checkedFields++;
            }
        }

        Assert.True(checkedFields > 20, $"{caseName}: only {checkedFields} fields compared");
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        var tolerance = Math.Max(1e-9 * Math.Abs(expected), 1e-12);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
