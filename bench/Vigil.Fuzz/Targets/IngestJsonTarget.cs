using Vigil.Data.Tables;
using Vigil.Server.Api;
using Vigil.Server.Api.Ingestion;

namespace Vigil.Fuzz.Targets;

/// <summary>
/// The ingestion API's JSON readers on the same body: the prediction batch reader as <c>POST …/predictions</c>
/// and <c>POST …/predict</c> call it (with and without a champion schema, strict and lenient), and the labels reader
/// as <c>POST …/labels</c> calls it. Documented errors:
/// those the service answers with 4xx (<see cref="ServiceErrors"/>).
/// </summary>
internal sealed class IngestJsonTarget : FuzzTarget
{
    private const int MaxRows = 10_000;
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override string Name => "json";

    public override string DocumentedErrors => ServiceErrors.Description;

    /// <summary>A champion's schema of each column kind, so typed validation runs too (names as in the seed corpus).</summary>
    private static readonly FeatureSchema Schema = new(new Dictionary<string, ColumnKind>
    {
        ["x"] = ColumnKind.Numeric, ["color"] = ColumnKind.Categorical, ["ok"] = ColumnKind.Boolean, ["when"] = ColumnKind.DateTime,
    });

    /// <summary>Every way the endpoints call the readers: no champion schema or one, strict or lenient, labels text or numeric.</summary>
    private static readonly Action<byte[]>[] Readers =
    [
        data => new PredictionBatchReader().Read(data, scoring: false, Now, MaxRows),
        data => new PredictionBatchReader(Schema, lenient: false).Read(data, scoring: false, Now, MaxRows),
        data => new PredictionBatchReader(Schema, lenient: true).Read(data, scoring: false, Now, MaxRows),
        data => new PredictionBatchReader(Schema, lenient: false).Read(data, scoring: true, Now, MaxRows),
        data => LabelInput.Parse(data, MaxRows, new BatchProblems(lenient: false), numeric: false),
        data => LabelInput.Parse(data, MaxRows, new BatchProblems(lenient: true), numeric: true),
    ];

    protected override void Execute(byte[] data)
    {
        // Every reader runs on every input; the input gave a value when one of them accepted it (a body is either
        // predictions or labels), and is refused with the first reader's error when none did.
        Exception? refused = null;
        var accepted = false;
        foreach (var read in Readers)
        {
            try
            {
                read(data);
                accepted = true;
            }
            catch (Exception e) when (IsDocumented(e))
            {
                refused ??= e;
            }
        }

        if (!accepted)
        {
            throw refused!;
        }
    }

    protected override bool IsDocumented(Exception exception) => ServiceErrors.IsClientError(exception);
}
