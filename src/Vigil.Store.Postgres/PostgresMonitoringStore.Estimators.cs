using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

// Performance estimators refitted on labelled production rows, one per model version (outside the bundle).
public sealed partial class PostgresMonitoringStore
{
    public void SetVersionEstimator(StoredEstimator estimator)
    {
        EstimatorRecords.Validate(estimator);
        using var connection = _database.Connect();
        connection.Execute(null, EstimatorRecords.Upsert, EstimatorRecords.Parameters(estimator));
    }

    public StoredEstimator? GetVersionEstimator(string model, int version, bool withJson = true)
    {
        ModelName.Validate(model);
        return Read(EstimatorRecords.SelectSql(withJson), EstimatorRecords.Read, ("@m", model), ("@v", version)).SingleOrDefault();
    }

    public bool ClearVersionEstimator(string model, int version)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return connection.Execute(null, EstimatorRecords.Delete, ("@m", model), ("@v", version)) > 0;
    }
}
