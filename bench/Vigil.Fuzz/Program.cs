using SharpFuzz;
using Vigil.Fuzz;
using Vigil.Fuzz.Targets;

// Vigil.Fuzz TARGET                  run under afl-fuzz (bench/fuzz/run.sh); outside AFL it reads one input from stdin
// Vigil.Fuzz replay TARGET|all PATH… run files (or folders of files) through targets and say what each gave
if (args is [var name] && FuzzTarget.Names.Contains(name))
{
    // Created inside the loop: instrumented code may only run once SharpFuzz has mapped AFL's coverage memory.
    FuzzTarget? target = null;
    try
    {
        Fuzzer.Run(stream =>
        {
            target ??= FuzzTarget.Create(name);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target.Run(buffer.ToArray()); // an undocumented exception escapes: SharpFuzz reports it to AFL as a crash
        });
    }
    finally
    {
        target?.Dispose();
    }

    return 0;
}

if (args is ["replay", var which, .. var paths] && paths.Length > 0)
{
    CoverageMap.EnsureOutsideAfl();
    var names = which == "all" ? FuzzTarget.Names : [which];
    var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*", SearchOption.AllDirectories) : [p])
        .Where(f => !Path.GetFileName(f).StartsWith('.') && Path.GetFileName(f) != "README.txt")
        .Order(StringComparer.Ordinal)
        .ToArray();
    var crashes = 0;
    foreach (var targetName in names)
    {
        using var target = FuzzTarget.Create(targetName);
        foreach (var file in files)
        {
            try
            {
                var error = target.Run(File.ReadAllBytes(file));
                Console.WriteLine($"{targetName} {file}: " + (error is null ? "value" : $"{error.GetType().Name}: {error.Message}"));
            }
#pragma warning disable CA1031 // replay reports every undocumented exception, whatever its type
            catch (Exception e)
#pragma warning restore CA1031
            {
                crashes++;
                Console.WriteLine($"{targetName} {file}: UNDOCUMENTED {e}");
            }
        }
    }

    Console.WriteLine($"{files.Length} files × {names.Count} targets, {crashes} undocumented exceptions.");
    return crashes == 0 ? 0 : 1;
}

Console.Error.WriteLine($"usage: Vigil.Fuzz TARGET | Vigil.Fuzz replay TARGET|all PATH...   (targets: {string.Join(", ", FuzzTarget.Names)})");
return 2;
