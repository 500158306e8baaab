using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Api;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// Instants a client sends: a row's <c>timestamp</c>, a label's <c>observed_at</c>, a check's <c>from</c> / <c>to</c>.
/// An unset .NET date (year 1), a clock years ahead (9999) and US-style text used to be stored (200); now they are
/// 422 naming the row and field, and nothing of the batch is stored. ISO text without an offset is UTC.
/// </summary>
public sealed class TimestampTests(TimestampTests.Server fixture) : IClassFixture<TimestampTests.Server>
{
    private readonly RunningServer _server = fixture.Running;

    public sealed class Server : IAsyncLifetime
    {
        internal RunningServer Running { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Running = await RunningServer.StartAsync();
            await Running.RegisterAsync("churn");
        }

        public async Task DisposeAsync() => await Running.DisposeAsync();
    }

    public static TheoryData<string, string> Refused()
    {
        var later = DateTimeOffset.UtcNow.AddDays(2).ToString("o", CultureInfo.InvariantCulture);
        return new TheoryData<string, string>
        {
            { "0001-01-01T00:00:00Z", "before 1970" },
            { "0001-01-01T00:00:00", "before 1970" },
            { "1969-12-31T23:59:59Z", "before 1970" },
            { "9999-12-31T23:59:59Z", "ahead of the server's clock" },
            { later, "ahead of the server's clock" },
            { "12/31/2024", "the string \"12/31/2024\"" },
            { "Dec 31 2024", "the string \"Dec 31 2024\"" },
        };
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_row_timestamp_outside_1970_to_a_day_ahead_or_not_iso_is_422_and_nothing_is_stored(string timestamp, string why)
    {
        var rows = TrainedModel.Rows(0, 2, "ts-" + Guid.NewGuid().ToString("N"));
        rows[1]!["timestamp"] = timestamp;
        var before = Store().CountPredictions("churn");

        var problem = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(rows)), 422);

        var row = Assert.Single(problem["rows"]!.AsArray())!;
        Assert.Equal(1, (int)row["row"]!);
        Assert.Equal("timestamp", (string)row["field"]!);
        Assert.Contains(why, (string)row["found"]!, StringComparison.Ordinal);
        Assert.Equal(before, Store().CountPredictions("churn"));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_label_observed_at_outside_1970_to_a_day_ahead_or_not_iso_is_422(string observedAt, string why)
    {
        var labels = new JsonArray(
            new JsonObject { ["id"] = "obs-ok-" + Guid.NewGuid().ToString("N"), ["label"] = "1" },
            new JsonObject { ["id"] = "obs-" + Guid.NewGuid().ToString("N"), ["label"] = "1", ["observed_at"] = observedAt });
        var pending = Store().CountPendingLabels("churn");

        var problem = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/labels", RunningServer.Json(labels)), 422);

        var row = Assert.Single(problem["rows"]!.AsArray())!;
        Assert.Equal(1, (int)row["row"]!);
        Assert.Equal("observed_at", (string)row["field"]!);
        Assert.Contains(why, (string)row["found"]!, StringComparison.Ordinal);
        Assert.Equal(pending, Store().CountPendingLabels("churn"));
    }

    [Fact]
    public async Task The_edges_of_the_range_and_iso_text_without_an_offset_are_taken_as_utc()
    {
        var prefix = "edge-" + Guid.NewGuid().ToString("N");
        var rows = TrainedModel.Rows(0, 4, prefix);
        rows[0]!["timestamp"] = "1970-01-01T00:00:00Z";
        rows[1]!["timestamp"] = DateTimeOffset.UtcNow.AddHours(23).ToString("o", CultureInfo.InvariantCulture);
        rows[2]!["timestamp"] = "2023-06-01T12:00:00"; // no offset: UTC
        rows[3]!["timestamp"] = "2023-06-01 12:00:30"; // a space instead of T: the same rule
        var answer = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(rows)), 200);
        Assert.Equal(4, (int)answer["inserted"]!);

        // Both naive rows, and only they, lie in [12:00Z, 12:01Z) of that day; the window's ends may be naive too.
        foreach (var window in new[] { new { from = "2023-06-01T12:00:00Z", to = "2023-06-01T12:01:00Z" }, new { from = "2023-06-01T12:00:00", to = "2023-06-01 12:01:00" } })
        {
            var check = await RunningServer.Expect(await _server.Writer.PostAsJsonAsync("/api/v1/models/churn/checks", window), 201);
            Assert.Equal(2, (int)check["check"]!["rows"]!);
        }
    }

    [Fact]
    public async Task A_check_window_that_is_not_iso_text_is_400_naming_the_field()
    {
        var problem = await RunningServer.Expect(
            await _server.Writer.PostAsJsonAsync("/api/v1/models/churn/checks", new { from = "12/31/2030" }), 400);
        Assert.Contains("ISO 8601", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Contains("$.from", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    private Vigil.Monitoring.Store.IMonitoringStore Store() => _server.Services.GetRequiredService<WorkspaceHost>().Workspace.Store;
}
