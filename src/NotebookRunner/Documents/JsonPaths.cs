using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>Small lookups into metadata trees that tolerate missing keys and wrong types.</summary>
internal static class JsonPaths
{
    /// <summary>The string at <paramref name="path"/> under <paramref name="root"/>, or null when absent or not a string.</summary>
    public static string? GetString(JsonObject root, params string[] path) =>
        Get(root, path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The node at <paramref name="path"/> under <paramref name="root"/>, or null when a step is missing or not an object.</summary>
    public static JsonNode? Get(JsonObject root, params string[] path)
    {
        JsonNode? node = root;
        foreach (var key in path)
        {
            node = node is JsonObject obj ? obj[key] : null;
        }

        return node;
    }
}
