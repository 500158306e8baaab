using System.Globalization;
using System.Text;
using Vigil.Data.Tables;
using Vigil.TestSupport.Http;
using Xunit.Abstractions;

namespace Vigil.Server.Tests.Api;

/// <summary>Tests that count process-wide allocations: alone, after the parallel tests, so no other test's bytes count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCountingCollection
{
    public const string Name = "Allocation counting";
}

/// <summary>
/// The bytes the service allocates per one-row <c>/predict</c> (scored, logged, committed, answered) stay far below what
/// they were before the hot path was trimmed (17,795 bytes a request for this model, 8,448 after), since every gen-0 collection they
/// cause pauses requests (docs/models.md, "Where the last millisecond goes"). Counted, not timed: the real server runs
/// in this process and a client that allocates nothing per request sends one request at a time, so
/// <see cref="GC.GetTotalAllocatedBytes(bool)"/> around them is the server's count, the same on a busy machine.
/// </summary>
[Collection(AllocationCountingCollection.Name)]
public sealed class PredictAllocationTests(ITestOutputHelper output)
{
    // 8,448 bytes today, 17,795 before the trimming (Debug build; docs/models.md has the figures). The bound leaves room for
    // a runtime or ASP.NET Core update, and still fails if a per-row dictionary, a connection per commit or a
    // prepared statement per commit comes back.
    private const int MaxBytesPerRequest = 13_000;

    [Fact]
    public async Task A_one_row_predict_allocates_under_the_bound()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RegisterAsync();
        var features = TrainedModel.Stream.ColumnNames.Where(n => n != TrainedModel.Label).ToArray();
        var row = new StringBuilder();
        for (var f = 0; f < features.Length; f++)
        {
            row.Append(f == 0 ? "" : ",").Append('"').Append(features[f]).Append("\":")
                .Append(((NumericColumn)TrainedModel.Stream[features[f]])[1500].ToString("R", CultureInfo.InvariantCulture));
        }

        var body = $"[{{\"id\":\"a000000\",\"timestamp\":\"2026-01-05T10:00:00.0000000+00:00\",\"features\":{{{row}}}}}]";
        var request = KeepAliveHttpClient.JsonPost(server.Address, "/api/v1/models/churn/predict", RunningServer.WriteKey, body);
        var idAt = request.AsSpan().IndexOf("\"id\":\"a"u8) + 7;
        using var client = new KeepAliveHttpClient(server.Address);
        var next = 0;

        void Send(int count)
        {
            for (var i = 0; i < count; i++)
            {
                KeepAliveHttpClient.Stamp(request, idAt, next++, 6); // new ids: a duplicate takes another path
                var status = client.Send(request);
                Assert.True(status == 200, $"/predict answered {status}: {Encoding.UTF8.GetString(client.Body)}");
            }
        }

        Send(500); // warm-up: JIT tiers, pools, the kept connection and statements
        Assert.Contains("\"inserted\":1", Encoding.UTF8.GetString(client.Body), StringComparison.Ordinal);
        const int measured = 1000;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        Send(measured);
        var perRequest = (GC.GetTotalAllocatedBytes(precise: true) - before) / measured;

        output.WriteLine($"{perRequest} bytes allocated per one-row /predict");
        Assert.True(perRequest < MaxBytesPerRequest,
            $"One-row /predict allocated {perRequest} bytes a request; the bound is {MaxBytesPerRequest} (see docs/models.md, 'Where the last millisecond goes').");
    }
}
