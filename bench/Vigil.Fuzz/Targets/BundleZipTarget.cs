using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigil.Monitoring.Workspace;
using Vigil.Server;
using Vigil.Server.Api;

namespace Vigil.Fuzz.Targets;

/// <summary>
/// A bundle upload as <c>POST /api/v1/models/{name}/versions</c> with a zip body handles it: spooled, every entry
/// checked, unpacked, the bundle loaded (manifest, featurizer, members) and registered in a scratch workspace.
/// Documented errors: those the service answers with 4xx (<see cref="ServiceErrors"/>).
/// </summary>
internal sealed class BundleZipTarget : FuzzTarget
{
    /// <summary>Far below the service's default (1 GiB) so a fuzzed zip bomb costs little; the check is the same.</summary>
    private const long MaxUnpackedBytes = 16L * 1024 * 1024;

    private readonly ScratchFolder _scratch = new("zip");
    private readonly WorkspaceHost _host;

    public BundleZipTarget()
    {
        var options = new ServerOptions { Workspace = _scratch.File("workspace"), Durability = WorkspaceDurability.Normal };
        _host = new WorkspaceHost(Options.Create(options), NullLogger<WorkspaceHost>.Instance);
    }

    public override string Name => "zip";

    public override string DocumentedErrors => ServiceErrors.Description;

    protected override void Execute(byte[] data)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/zip";
        context.Request.ContentLength = data.Length;
        context.Request.Body = new MemoryStream(data, writable: false);
        BundleUpload.RegisterAsync(_host, "fuzzed", context.Request, reason: null, promote: false, MaxUnpackedBytes, "fuzz", CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    protected override bool IsDocumented(Exception exception) => ServiceErrors.IsClientError(exception);

    protected override void Dispose(bool disposing)
    {
        _host.Dispose();
        _scratch.Dispose();
        base.Dispose(disposing);
    }
}
