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

    /// <summary>A figure title, with a smaller second line when there is a subtitle (works in plotly.js 2 and 3).</summary>
    public static void Title(Utf8JsonWriter json, string property, string text, string subtitle)
    {
        json.WriteStartObject(property);
        // Lines the caller wrapped (\n) become <br>; everything else is escaped, so labels are shown, never interpreted.
        var title = string.Join("<br>", text.Split('\n').Select(System.Net.WebUtility.HtmlEncode));
        json.WriteString("text", subtitle.Length == 0
            ? title
            : title + string.Concat(PlotlyText.SubtitleLines(subtitle).Select(line =>
                "<br><span style=\"font-size:11px;color:#555555\">" + System.Net.WebUtility.HtmlEncode(line) + "</span>")));
        json.WriteNumber("x", 0.01);
        json.WriteString("xanchor", "left");
        json.WriteEndObject();
    }

    public static void Margin(Utf8JsonWriter json, double left, double right, double top, double bottom)
    {
        json.WriteStartObject("margin");
        json.WriteNumber("l", Math.Round(left));
        json.WriteNumber("r", Math.Round(right));
        json.WriteNumber("t", Math.Round(top));
        json.WriteNumber("b", Math.Round(bottom));
        json.WriteBoolean("autoexpand", false);
        json.WriteEndObject();
    }

    /// <summary>Whole-number ticks for an axis whose values are all whole numbers: no tick at 1.5.</summary>
    public static void IntegerTicks(Utf8JsonWriter json, IEnumerable<double> values, int targetTicks = 8)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0 || finite.Any(v => v != Math.Floor(v))) return;
        var scale = new AxisScale(finite.Min(), finite.Max(), 0, 1, targetTicks, minimumStep: 1);
        json.WriteString("tickmode", "linear");
        json.WriteNumber("tick0", 0);
        json.WriteNumber("dtick", Math.Max(1, Math.Round(scale.Step)));
        json.WriteString("tickformat", "d");
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
