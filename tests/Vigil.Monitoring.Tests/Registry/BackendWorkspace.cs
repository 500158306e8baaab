using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Tests.Store;
using Vigil.Monitoring.Workspace;
using Vigil.Store.Postgres.Registry;
using Vigil.Stores;
using Vigil.TestSupport.Servers;

namespace Vigil.Monitoring.Tests.Registry;

/// <summary>
/// A throw-away workspace on one backend, for the registry tests that run against each: SQLite in a temporary folder,
/// or a fresh PostgreSQL database (the test is skipped, saying why, when no PostgreSQL server can start). Further
/// "nodes" open the same workspace with their own local folder and bundle cache.
/// </summary>
internal sealed class BackendWorkspace : IDisposable
{
    private readonly List<VigilWorkspace> _opened = [];

    public BackendWorkspace(string backend)
    {
        Backend = backend;
        Root = Path.Combine(Path.GetTempPath(), "vigil-tests", Guid.NewGuid().ToString("N"));
        Location = backend switch
        {
            "sqlite" => WorkspaceLocation.Sqlite(Path.Combine(Root, "ws")),
            "postgres" => WorkspaceLocation.Parse(PostgresServer.Require().CreateDatabase("vigil_registry")),
            _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
        };
        Workspace = OpenNode("node1");
    }

    /// <summary>The backends every registry contract is checked on.</summary>
    public static TheoryData<string> Backends => new() { "sqlite", "postgres" };

    public string Backend { get; }

    public bool IsSqlite => Backend == "sqlite";

    public string Root { get; }

    public WorkspaceLocation Location { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public VigilWorkspace Workspace { get; private set; }

    public IModelRegistry Registry => Workspace.Registry;

    /// <summary>The same workspace opened as another node would: its own local folder and bundle cache.</summary>
    public VigilWorkspace OpenNode(string node, string? cache = null)
    {
        var workspace = WorkspaceOpener.Open(Location, new WorkspaceOpenOptions
        {
            Time = Clock,
            LocalFolder = Path.Combine(Root, node),
            BundleCache = cache ?? CacheOf(node),
        });
        _opened.Add(workspace);
        return workspace;
    }

    /// <summary>The bundle cache folder of <paramref name="node"/>.</summary>
    public string CacheOf(string node) => Path.Combine(Root, node, "cache");

    /// <summary>Closes the first node's workspace and opens it again, as a restarted process would.</summary>
    public VigilWorkspace Reopen()
    {
        Workspace.Dispose();
        Workspace = OpenNode("node1");
        return Workspace;
    }

    /// <summary>Runs <paramref name="action"/> (e.g. a simulated crash) between storing a bundle and inserting its version's row.</summary>
    public void BeforeInsert(Action? action)
    {
        switch (Workspace.Registry)
        {
            case ModelRegistry sqlite:
                sqlite.BeforeInsert = action;
                break;
            case PostgresModelRegistry postgres:
                postgres.BeforeInsert = action;
                break;
            default:
                throw new InvalidOperationException("Unknown registry " + Workspace.Registry.GetType().Name);
        }
    }

    /// <summary>A bundle source folder with a couple of files (one nested).</summary>
    public string MakeBundle(string content = "model-bytes")
    {
        var source = Path.Combine(Root, "bundle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(source, "extra"));
        File.WriteAllText(Path.Combine(source, "model.zip"), content);
        File.WriteAllText(Path.Combine(source, "extra", "notes.txt"), "notes");
        return Path.GetFullPath(source);
    }

    public void Dispose()
    {
        foreach (var workspace in _opened)
        {
            workspace.Dispose();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
