using System.Text.Json;

namespace ConcurrencyLab.Charts;

/// <summary>
/// Small helpers over <see cref="Utf8JsonWriter"/> that keep the output within plotly.js 3 rules:
/// titles are objects, arrays are plain JSON arrays (never typed <c>{dtype, bdata}</c> arrays).
/// </summary>
internal static class PlotlyJson
{
    public static void Title(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    public static void Numbers(Utf8JsonWriter json, string property, IEnumerable<double> values)
    {
        json.WriteStartArray(property);
        // Rounded to 0.1 µs (in ms) so thousands of spans stay compact; finer digits are timer noise.
        // JSON has no NaN or Infinity; plotly draws null as a gap.
        foreach (var value in values)
        {
            if (double.IsFinite(value)) json.WriteNumberValue(Math.Round(value, 4));
            else json.WriteNullValue();
        }
        json.WriteEndArray();
    }

    public static void Strings(Utf8JsonWriter json, string property, IEnumerable<string> values)
    {
        json.WriteStartArray(property);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    public static void ErrorY(Utf8JsonWriter json, IReadOnlyList<double>? errors)
    {
        if (errors is null) return;
        json.WriteStartObject("error_y");
        json.WriteString("type", "data");
        Numbers(json, "array", errors);
        json.WriteBoolean("visible", true);
        json.WriteEndObject();
    }

    public static void Marker(Utf8JsonWriter json, string color)
    {
        json.WriteStartObject("marker");
        json.WriteString("color", color);
        json.WriteEndObject();
    }

    public static void Axis(Utf8JsonWriter json, string property, string title, Action<Utf8JsonWriter>? extra = null)
    {
        json.WriteStartObject(property);
        Title(json, "title", title);
        extra?.Invoke(json);
        json.WriteEndObject();
    }

    public static void Config(Utf8JsonWriter json)
    {
        json.WriteStartObject("config");
        json.WriteBoolean("responsive", true);
        json.WriteBoolean("displaylogo", false);
        json.WriteEndObject();
    }
}
