using System.Text.Json.Nodes;
using NotebookRunner.Engine;

namespace NotebookRunner.Execution;

/// <summary>
/// One line of the worker protocol: the child process reports on its stdout what each cell does, as JSON
/// prefixed by a record separator so stray writes to the real stdout can't be mistaken for protocol.
/// </summary>
internal static class WorkerMessage
{
    public const char Prefix = '\u001e';

    public static string Hello(bool optimized, string runtime) =>
        Line(new JsonObject { ["t"] = "hello", ["optimized"] = optimized, ["runtime"] = runtime });

    public static string CellStart(int index) => Line(new JsonObject { ["t"] = "start", ["i"] = index });

    public static string CellEnd(int index, int executionCount, string status, double milliseconds) =>
        Line(new JsonObject { ["t"] = "end", ["i"] = index, ["n"] = executionCount, ["status"] = status, ["ms"] = milliseconds });

    public static string Done() => Line(new JsonObject { ["t"] = "done" });

    public static string Event(int index, CellEvent cellEvent) => Line(cellEvent switch
    {
        StreamEvent s => new JsonObject { ["t"] = "stream", ["i"] = index, ["name"] = s.Name, ["text"] = s.Text },
        DisplayEvent d => new JsonObject
        {
            ["t"] = "display", ["i"] = index, ["id"] = d.DisplayId, ["result"] = d.IsResult, ["update"] = d.IsUpdate,
            ["data"] = new JsonArray(d.Values.Select(v => (JsonNode)new JsonArray(v.MimeType, v.Value)).ToArray()),
        },
        ErrorEvent e => new JsonObject
        {
            ["t"] = "error", ["i"] = index, ["ename"] = e.Name, ["evalue"] = e.Message, ["kind"] = e.Kind.ToString(),
            ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(cellEvent), cellEvent.GetType().Name, "unknown cell event"),
    });

    /// <summary>Reads a protocol line, or null when the line is not one (stray output).</summary>
    public static JsonObject? TryParse(string line)
    {
        if (line.Length < 2 || line[0] != Prefix) return null;
        try { return JsonNode.Parse(line.AsSpan(1).ToString()) as JsonObject; }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>Turns a protocol event message back into a <see cref="CellEvent"/>.</summary>
    public static CellEvent? ToCellEvent(JsonObject message) => (string?)message["t"] switch
    {
        "stream" => new StreamEvent((string)message["name"]!, (string)message["text"]!),
        "display" => new DisplayEvent((string)message["id"]!,
            message["data"]!.AsArray().Select(p => new FormattedValue((string)p![0]!, (string)p[1]!)).ToList(),
            (bool)message["result"]!, (bool)message["update"]!),
        "error" => new ErrorEvent((string)message["ename"]!, (string)message["evalue"]!,
            message["traceback"]!.AsArray().Select(l => (string)l!).ToList(),
            Enum.Parse<CellErrorKind>((string)message["kind"]!)),
        _ => null,
    };

    private static string Line(JsonObject message) => Prefix + message.ToJsonString();
}
