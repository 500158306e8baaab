using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Data.Tables;
using Vigil.Monitoring.Profiles;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>Reads a window file (CSV or Parquet) so its columns line up with a model's reference profile.</summary>
internal static class WindowReader
{
    /// <summary>Reads <paramref name="path"/> with kinds inferred, then lines its columns up with the profile (<see cref="ProfileAlignment.Align"/>).</summary>
    public static Table Read(string path, ReferenceProfile profile, CsvEncoding encoding) =>
        ProfileAlignment.Align(profile, TableFile.Read(path, new CsvReadOptions { Encoding = encoding }));
}
