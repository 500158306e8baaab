using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

// Performance estimators refitted on labelled production rows, one per model version (outside the bundle).
public sealed partial class MonitoringStore
{
    /// <summary>Stores (or replaces) the refitted estimator of a version.</summary>
    public void SetVersionEstimator(StoredEstimator estimator)
    {
        EstimatorRecords.Validate(estimator);
        using var connection = _database.Connect();
        connection.Execute(null, EstimatorRecords.Upsert, EstimatorRecords.Parameters(estimator));
    }

    /// <summary>The refitted estimator of a version (its JSON only when <paramref name="withJson"/>), or null when it has none.</summary>
    public StoredEstimator? GetVersionEstimator(string model, int version, bool withJson = true)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return connection.Read(null, EstimatorRecords.SelectSql(withJson), EstimatorRecords.Read, ("@m", model), ("@v", version)).SingleOrDefault();
    }

    /// <summary>Forgets the refitted estimator of a version (its bundle's applies again); true when there was one.</summary>
    public bool ClearVersionEstimator(string model, int version)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return connection.Execute(null, EstimatorRecords.Delete, ("@m", model), ("@v", version)) > 0;
    }
}
