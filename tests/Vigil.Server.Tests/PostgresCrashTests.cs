using System.Collections.Concurrent;
using Npgsql;
using Vigil.TestSupport.Servers;

namespace Vigil.Server.Tests;

/// <summary>
/// PostgreSQL crashes under ingestion (every server process ends at once; the next start recovers from the WAL).
/// Every row <c>vigil serve</c> acknowledged before the crash must be in the database after recovery, exactly once,
/// and no row that was never sent; batches whose answer was an error may or may not be there, and sending them again
/// completes them without a duplicate. This is the PostgreSQL twin of the SQLite <c>DurabilityTests</c>: it fails if
/// the service ever answered before its commit returned.
/// </summary>
public sealed class PostgresCrashTests
{
    private const string Model = "crash";
    private const int Rows = 200;
    private const int Writers = 3;

    [SkippableFact]
    public async Task Every_row_acknowledged_before_a_PostgreSQL_crash_is_there_after_recovery_exactly_once()
    {
        using var postgres = CrashablePostgres.Start();
        var workspace = Directory.CreateTempSubdirectory("vigil-pgcrash-").FullName;
        try
        {
            await using var serve = await KeyedServe.StartAsync(["--store", postgres.ConnectionString], new Dictionary<string, string?>
            {
                ["Vigil:Workspace"] = workspace,
                ["Vigil:Scheduler:Enabled"] = "false",
            });
            await serve.RegisterTrainedModelAsync(Model, workspace);

            var acknowledged = new ConcurrentBag<string>();
            var uncertain = new ConcurrentBag<string>();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var prefix = $"w{w}-b{n}";
                    try
                    {
                        using var response = await serve.PostRowsAsync(Model, prefix, Rows);
                        (response.IsSuccessStatusCode ? acknowledged : uncertain).Add(prefix);
                    }
                    catch (HttpRequestException)
                    {
                        uncertain.Add(prefix);
                    }
                }
            })).ToArray();

            await Poll.UntilAsync(() => acknowledged.Count >= 30, "30 acknowledged batches");
            postgres.Crash();
            await Poll.UntilAsync(() => uncertain.Count >= Writers, "the writers to meet the crash");
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            postgres.Restart();
            await Poll.UntilAsync(async () => (await serve.Client.GetAsync("/ready")).IsSuccessStatusCode, "/ready after recovery");

            var stored = await StoredIds(postgres.ConnectionString);
            Assert.Equal(stored.Count, stored.Distinct(StringComparer.Ordinal).Count());
            var sent = acknowledged.Concat(uncertain).ToHashSet(StringComparer.Ordinal);
            Assert.All(stored, id => Assert.Contains(id[..id.LastIndexOf('-')], sent));
            var missing = acknowledged.SelectMany(Ids).Except(stored, StringComparer.Ordinal).ToArray();
            Assert.True(missing.Length == 0, $"{missing.Length} acknowledged rows lost in the crash, e.g. {string.Join(", ", missing.Take(5))}");

            // The uncertain batches, sent again: each row is then stored once, whether it was stored before or not.
            foreach (var prefix in uncertain)
            {
                using var again = await serve.PostRowsAsync(Model, prefix, Rows);
                Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
            }

            var final = await StoredIds(postgres.ConnectionString);
            Assert.Equal(sent.Count * Rows, final.Count);
            Assert.Equal(final.Count, final.Distinct(StringComparer.Ordinal).Count());
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static IEnumerable<string> Ids(string prefix) => Enumerable.Range(0, Rows).Select(i => $"{prefix}-{i}");

    private static async Task<List<string>> StoredIds(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT id FROM predictions WHERE model = @m", connection);
        query.Parameters.AddWithValue("m", Model);
        await using var reader = await query.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
