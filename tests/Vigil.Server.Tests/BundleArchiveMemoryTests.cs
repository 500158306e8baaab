using System.IO.Compression;
using Vigil.AutoML.Bundles;
using Vigil.Server.Api;

namespace Vigil.Server.Tests;

/// <summary>
/// Unpacking and validating an upload streams: refusing an archive whose member inflates to 100 MB allocates a few
/// megabytes at most, not the member's size (issue #20, item 3; the server-level figures are in docs/security.md).
/// </summary>
public sealed class BundleArchiveMemoryTests : IDisposable
{
    private const int MemberBytes = 100 << 20;

    private readonly string _scratch = Directory.CreateTempSubdirectory("vigil-archive-memory-").FullName;

    public void Dispose() => RunningServer.TryDelete(_scratch);

    [Theory]
    [InlineData("manifest.json")]
    [InlineData("featurizer.json")]
    public void RefusingAHugeMemberAllocatesFarLessThanItsSize(string member)
    {
        var archive = Path.Combine(_scratch, "zeros.zip");
        using (var zip = ZipFile.Open(archive, ZipArchiveMode.Create))
        {
            if (member != "manifest.json")
            {
                using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
                writer.Write("""{"format_version": 2, "members": [{"learner": "lgbm", "config": {}, "weight": 1, "imputed_features": false, "file": "model.lightgbm.txt", "format": "lightgbm"}]}""");
            }

            using var stream = zip.CreateEntry(member, CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var written = 0; written < MemberBytes; written += zeros.Length)
            {
                stream.Write(zeros);
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<BundleFormatException>(() =>
            ModelBundle.Load(BundleArchive.Unpack(archive, Path.Combine(_scratch, "unpacked"), long.MaxValue)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("the limit for it is", error.Message, StringComparison.Ordinal);
        // Reading the member whole would allocate at least its 100 MB (twice that as text); streaming it to disk
        // and refusing it by its size allocates the copy buffers and the zip's directory.
        Assert.True(allocated < 8 << 20, $"unpacking and refusing a {MemberBytes}-byte {member} allocated {allocated} bytes");
    }
}
