using System.Text.Json;
using Vigil.Server.Api;

namespace Vigil.Fuzz.Targets;

/// <summary>
/// The ingestion API's JSON readers on the same body: the prediction batch reader as <c>POST …/predictions</c>
/// and <c>POST …/predict</c> call it, and the labels body as <c>POST …/labels</c> parses it. Documented errors:
/// those the service answers with 4xx (<see cref="ServiceErrors"/>).
/// </summary>
internal sealed class IngestJsonTarget : FuzzTarget
{
    private const int MaxRows = 10_000;
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override string Name => "json";

    public override string DocumentedErrors => ServiceErrors.Description;

    protected override void Execute(byte[] data)
    {
        // Every reader runs on every input; the input gave a value when one of them accepted it (a body is either
        // predictions or labels), and is refused with the first reader's error when none did.
        Exception? refused = null;
        var accepted = false;
        foreach (var read in new Action[]
        {
            () => new PredictionBatchReader().Read(data, scoring: false, Now, MaxRows),
            () => new PredictionBatchReader().Read(data, scoring: true, Now, MaxRows),
            () => ReadLabels(data),
        })
        {
            try
            {
                read();
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

    private static void ReadLabels(byte[] data)
    {
        using var document = JsonDocument.Parse(data);
        LabelInput.Parse(document.RootElement, MaxRows);
    }

    protected override bool IsDocumented(Exception exception) => ServiceErrors.IsClientError(exception);
}
