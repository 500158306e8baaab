using System.Data.Common;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

/// <summary>The version_estimators table's SQL and rows, shared by every backend (same columns in the same form).</summary>
internal static class EstimatorRecords
{
    public const string Upsert =
        "INSERT INTO version_estimators (model, version, method, source, row_count, fitted_at, fitted_by, estimator) " +
        "VALUES (@m, @v, @method, @source, @rows, @at, @by, @json) " +
        "ON CONFLICT (model, version) DO UPDATE SET method = excluded.method, source = excluded.source, row_count = excluded.row_count, " +
        "fitted_at = excluded.fitted_at, fitted_by = excluded.fitted_by, estimator = excluded.estimator";

    public const string Select = "SELECT model, version, method, source, row_count, fitted_at, fitted_by{0} FROM version_estimators WHERE model = @m AND version = @v";

    public const string Delete = "DELETE FROM version_estimators WHERE model = @m AND version = @v";

    public static (string, object)[] Parameters(StoredEstimator e) =>
    [
        ("@m", e.Model), ("@v", e.Version), ("@method", e.Method), ("@source", e.Source), ("@rows", e.Rows),
        ("@at", StoredTime.ToTicks(e.FittedAt)), ("@by", e.FittedBy), ("@json", e.Json ?? throw new ArgumentException("The estimator's JSON is missing.", nameof(e))),
    ];

    public static void Validate(StoredEstimator estimator)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ModelName.Validate(estimator.Model);
        ArgumentOutOfRangeException.ThrowIfLessThan(estimator.Version, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(estimator.Rows, 1);
        ArgumentException.ThrowIfNullOrEmpty(estimator.Method);
        ArgumentException.ThrowIfNullOrEmpty(estimator.Source);
        ArgumentException.ThrowIfNullOrEmpty(estimator.FittedBy);
        ArgumentException.ThrowIfNullOrEmpty(estimator.Json);
    }

    public static string SelectSql(bool withJson) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Select, withJson ? ", estimator" : "");

    public static StoredEstimator Read(DbDataReader r) =>
        new(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetInt32(4), StoredTime.FromTicks(r.GetInt64(5)), r.GetString(6))
        {
            Json = r.FieldCount > 7 ? r.GetString(7) : null,
        };
}
