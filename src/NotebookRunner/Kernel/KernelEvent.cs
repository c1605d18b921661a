using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Kernel;

/// <summary>
/// One event line from the kernel, read as raw JSON: <c>{"event":{…},"eventType":"…","command":{"token":…,"commandType":…}}</c>.
/// Raw, not through <c>KernelEventEnvelope.Deserialize</c>: that throws for events whose command type it does not
/// know, which is every event of an extension's magic command and of <c>#!connect jupyter</c>.
/// </summary>
/// <param name="Type">The event type, e.g. <c>ReturnValueProduced</c>.</param>
/// <param name="Token">The token of the command that produced it (<c>cell-4.2</c> for a child command).</param>
/// <param name="CommandType">That command's type, e.g. <c>SubmitCode</c>.</param>
/// <param name="Body">The <c>event</c> object.</param>
public sealed record KernelEvent(string Type, string? Token, string? CommandType, JsonObject Body)
{
    /// <summary>The token of the command nbrun sent that this event belongs to: <c>cell-4</c> for <c>cell-4.2</c>.</summary>
    public string? RootToken => Token is null ? null : Token.IndexOf('.') is var dot and > 0 ? Token[..dot] : Token;

    /// <summary>True for the <c>CommandSucceeded</c>/<c>CommandFailed</c> that ends the command <paramref name="token"/> itself.</summary>
    public bool Ends(string token) => Token == token && Type is KernelEventTypes.CommandSucceeded or KernelEventTypes.CommandFailed;

    /// <summary>A string property of the event body, e.g. <c>message</c>.</summary>
    public string? GetString(string name) => Body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Parses one stdout line; null for anything that is not an event envelope (banners, stray writes).</summary>
    public static KernelEvent? TryParse(string line)
    {
        if (line.Length == 0 || line[0] != '{') return null;
        JsonObject envelope;
        try
        {
            if (JsonNode.Parse(line) is not JsonObject parsed) return null;
            envelope = parsed;
        }
        catch (JsonException)
        {
            return null;
        }
        if (envelope["eventType"] is not JsonValue type || !type.TryGetValue<string>(out var eventType)) return null;
        var command = envelope["command"] as JsonObject;
        return new KernelEvent(
            eventType,
            command?["token"] is JsonValue token && token.TryGetValue<string>(out var t) ? t : null,
            command?["commandType"] is JsonValue commandType && commandType.TryGetValue<string>(out var c) ? c : null,
            envelope["event"] as JsonObject ?? []);
    }
}
