using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>
/// The <c>data</c> of a display or result output: one value per MIME type. Text values are held
/// joined (one string); JSON MIME types hold parsed JSON. The writer orders the entries by MIME type.
/// </summary>
public sealed class MimeBundle : IEnumerable<KeyValuePair<string, JsonNode?>>
{
    // Compact serialisation for TryGetText on JSON types; non-ASCII stays readable.
    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);

    /// <summary>The number of MIME types in the bundle.</summary>
    public int Count => _values.Count;

    /// <summary>The MIME types, in insertion order.</summary>
    public IEnumerable<string> MimeTypes => _values.Keys;

    /// <summary>Stores <paramref name="text"/> as the string value of <paramref name="mimeType"/>, replacing any earlier value.</summary>
    public void SetText(string mimeType, string text) => _values[mimeType] = JsonValue.Create(text);

    /// <summary>
    /// Stores a formatter's output. For JSON MIME types the text is parsed so it is embedded as JSON
    /// (falling back to the string when it does not parse); other types are stored as text.
    /// </summary>
    public void SetFormatted(string mimeType, string formatted)
    {
        if (Documents.MimeTypes.IsJson(mimeType))
        {
            try
            {
                _values[mimeType] = JsonNode.Parse(formatted);
                return;
            }
            catch (JsonException)
            {
                // Not valid JSON: keep what the formatter produced rather than lose it.
            }
        }

        SetText(mimeType, formatted);
    }

    /// <summary>Stores a raw JSON value for <paramref name="mimeType"/> (used by the reader for values kept as they were).</summary>
    public void SetRaw(string mimeType, JsonNode? value) => _values[mimeType] = value;

    /// <summary>Removes <paramref name="mimeType"/>; returns whether it was present.</summary>
    public bool Remove(string mimeType) => _values.Remove(mimeType);

    /// <summary>True when the bundle has a value for <paramref name="mimeType"/>.</summary>
    public bool Contains(string mimeType) => _values.ContainsKey(mimeType);

    /// <summary>The raw value for <paramref name="mimeType"/>, or null when absent.</summary>
    public JsonNode? GetRaw(string mimeType) => _values.GetValueOrDefault(mimeType);

    /// <summary>
    /// Gets the value of <paramref name="mimeType"/> as text: the string for text values, the
    /// compact serialised JSON for anything else.
    /// </summary>
    public bool TryGetText(string mimeType, [MaybeNullWhen(false)] out string text)
    {
        if (!_values.TryGetValue(mimeType, out var node))
        {
            text = null;
            return false;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }

        text = node is null ? "null" : node.ToJsonString(CompactJson);
        return true;
    }

    /// <summary>Returns a deep copy.</summary>
    public MimeBundle Clone()
    {
        var copy = new MimeBundle();
        foreach (var (key, value) in _values)
        {
            copy._values[key] = value?.DeepClone();
        }

        return copy;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, JsonNode?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
