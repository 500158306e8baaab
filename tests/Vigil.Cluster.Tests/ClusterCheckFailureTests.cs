using Vigil.Stores;
using Vigil.TestSupport.Servers;
using Vigil.Monitoring.Workspace;
using Node = Vigil.Cluster.Tests.ThreeNodeClusterTests.Node;

namespace Vigil.Cluster.Tests;

/// <summary>
/// In cluster mode a model's <c>scheduled_check_failure</c> comes from its grain, which runs the scheduled checks (the
/// node-local scheduler.json is the one-process scheduler's and is never written on a cluster node): a failing check
/// shows on the model through every node, and the next check that succeeds clears it.
/// </summary>
public sealed class ClusterCheckFailureTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task A_failing_scheduled_check_shows_on_the_model_through_every_node_until_one_succeeds()
    {
        var redis = RedisServer.Require();
        var workspace = Directory.CreateTempSubdirectory("vigil-cluster-fail-").FullName;
        var clusterId = $"test-{Guid.NewGuid():N}";
        var nodes = Enumerable.Range(0, 2).Select(i => new Node(i, workspace, null, redis.Endpoint, clusterId)).ToArray();
        try
        {
            foreach (var node in nodes)
            {
                node.Extra["Vigil:Scheduler:FailureBackoff"] = "00:00:01";
                node.Extra["Vigil:Scheduler:FailureBackoffMax"] = "00:00:02";
            }

            var bundle = ClusterModel.CopyInto(workspace);
            await nodes[0].StartAsync();
            await nodes[1].StartAsync();
            await ThreeNodeClusterTests.Expect(await nodes[0].Client.PostAsync("/api/v1/models/f0/versions", ThreeNodeClusterTests.Json(new System.Text.Json.Nodes.JsonObject { ["path"] = bundle })), 201);
            Assert.Null((await Model(nodes[1]))["scheduled_check_failure"]);

            // The champion's profile goes missing: every scheduled check of the model fails, on whichever node its grain is.
            string profile;
            using (var opened = WorkspaceOpener.Open(WorkspaceLocation.Sqlite(workspace)))
            {
                profile = opened.Registry.GetChampion("f0")!.ProfilePath!;
            }

            File.Move(profile, profile + ".aside");
            await ThreeNodeClusterTests.Expect(await nodes[1].Client.PostAsync("/api/v1/models/f0/predictions",
                ThreeNodeClusterTests.Json(ClusterModel.Rows(0, 300, "f0-", drift: false))), 200);
            foreach (var node in nodes)
            {
                var failing = await Eventually.Value(() => Model(node), m => m["scheduled_check_failure"] is not null, Deadline,
                    m => $"node {node.Index} to show the failing scheduled check of f0 (model: {m.ToJsonString()[..Math.Min(300, m.ToJsonString().Length)]})");
                var failure = failing["scheduled_check_failure"]!;
                Assert.True((int)failure["attempts"]! >= 1);
                Assert.Contains("has no reference profile", (string)failure["error"]!, StringComparison.Ordinal);
            }

            // Repaired: the next attempt (the backoff is 1–2 s) succeeds and clears it everywhere.
            File.Move(profile + ".aside", profile);
            foreach (var node in nodes)
            {
                await Eventually.Value(() => Model(node), m => m["scheduled_check_failure"] is null, Deadline,
                    m => $"node {node.Index} to clear the failure after a successful check (it shows {m["scheduled_check_failure"]?.ToJsonString()})");
            }

            Assert.NotEmpty((await ThreeNodeClusterTests.Expect(await nodes[0].Client.GetAsync("/api/v1/models/f0/checks"), 200)).AsArray());
        }
        catch (Exception e) when (e is not SkipException)
        {
            throw new Xunit.Sdk.XunitException(e.Message + string.Concat(nodes.Select(n => $"\n--- node {n.Index} (tail of its log):\n{n.LogTail()}")), e);
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }

            ThreeNodeClusterTests.TryDelete(workspace);
        }
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> Model(Node node) =>
        await ThreeNodeClusterTests.Expect(await node.Client.GetAsync("/api/v1/models/f0"), 200);
}
