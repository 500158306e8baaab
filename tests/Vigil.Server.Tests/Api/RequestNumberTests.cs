using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// The API's JSON options read the strings "NaN" and "Infinity" as doubles (they write NaN metrics that way), so a
/// bound request could carry a NaN past range checks written as <c>x is &lt;= 0 or &gt; max</c>: a retrain with
/// <c>budget_seconds: "NaN"</c> was a 500 (TimeSpan.FromSeconds(NaN)). Every body an endpoint binds must refuse them.
/// </summary>
public sealed class RequestNumberTests
{
    [Fact]
    public async Task A_retrain_budget_of_NaN_is_400_naming_the_field()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RegisterAsync("churn");
        foreach (var budget in new[] { "NaN", "Infinity", "-Infinity" })
        {
            var problem = await RunningServer.Expect(
                await server.Writer.PostAsJsonAsync("/api/v1/models/churn/retrains", new { budget_seconds = budget }), 400);
            Assert.Contains("budget_seconds", (string)problem["detail"]!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_bound_request_body_reads_a_named_floating_point_literal()
    {
        await using var server = await RunningServer.StartAsync();
        var options = server.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var bodies = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>())
            .Select(a => a.RequestType)
            .Where(t => t?.Namespace == "Vigil.Server.Api")
            .Distinct()
            .ToList();
        Assert.Contains(typeof(Vigil.Server.Api.RetrainRequestBody), bodies);

        var checkedProperties = 0;
        foreach (var type in Closure(bodies!))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) is var t && (t == typeof(double) || t == typeof(float))))
            {
                var json = "{\"" + options.PropertyNamingPolicy!.ConvertName(property.Name) + "\":\"NaN\"}";
                Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, type, options));
                checkedProperties++;
            }
        }

        Assert.True(checkedProperties >= 2, "the retrain budget and the watched drop are floating-point fields");
    }

    // The request types and the element types of their lists (a watched metric inside a watch request).
    private static IEnumerable<Type> Closure(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            if (type.Namespace != "Vigil.Server.Api" || !seen.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties())
            {
                var inner = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
                queue.Enqueue(inner);
            }
        }

        return seen;
    }
}
