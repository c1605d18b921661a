using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>
/// Writes a JSON tree exactly as Python's
/// <c>json.dumps(obj, sort_keys=True, indent=1, ensure_ascii=False, separators=(",", ": "))</c> does,
/// which is how nbformat lays out .ipynb files. Utf8JsonWriter cannot produce this layout
/// (1-space indent, inline empty containers, Python's escape set), hence a small emitter of our own.
/// </summary>
internal static class PythonJsonEmitter
{
    public static string Serialize(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node, int level)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                WriteObject(sb, obj, level);
                break;
            case JsonArray array:
                WriteArray(sb, array, level);
                break;
            case JsonValue value:
                WriteValue(sb, value);
                break;
        }
    }

    private static void WriteObject(StringBuilder sb, JsonObject obj, int level)
    {
        if (obj.Count == 0)
        {
            sb.Append("{}");
            return;
        }

        sb.Append('{');
        var first = true;
        foreach (var (key, value) in obj.OrderBy(p => p.Key, CodePointComparer.Instance))
        {
            sb.Append(first ? "\n" : ",\n").Append(' ', level + 1);
            first = false;
            WriteString(sb, key);
            sb.Append(": ");
            Write(sb, value, level + 1);
        }

        sb.Append('\n').Append(' ', level).Append('}');
    }

    private static void WriteArray(StringBuilder sb, JsonArray array, int level)
    {
        if (array.Count == 0)
        {
            sb.Append("[]");
            return;
        }

        sb.Append('[');
        for (var i = 0; i < array.Count; i++)
        {
            sb.Append(i == 0 ? "\n" : ",\n").Append(' ', level + 1);
            Write(sb, array[i], level + 1);
        }

        sb.Append('\n').Append(' ', level).Append(']');
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        // Values parsed from a file are backed by a JsonElement: numbers keep their original token text.
        if (value.TryGetValue<JsonElement>(out var element))
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    WriteString(sb, element.GetString()!);
                    return;
                case JsonValueKind.Number:
                    sb.Append(element.GetRawText());
                    return;
                default:
                    // true, false and null (objects and arrays are never element-backed values).
                    sb.Append(element.GetRawText());
                    return;
            }
        }

        if (value.TryGetValue<string>(out var s))
        {
            WriteString(sb, s);
        }
        else if (value.TryGetValue<bool>(out var b))
        {
            sb.Append(b ? "true" : "false");
        }
        else if (value.TryGetValue<double>(out var d))
        {
            sb.Append(FormatDouble(d));
        }
        else if (value.TryGetValue<float>(out var f))
        {
            // Via its shortest text so 0.1f is written as 0.1, not 0.10000000149011612.
            sb.Append(FormatDouble(double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)));
        }
        else if (value.TryGetValue<decimal>(out var m))
        {
            sb.Append(m.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            // Integers and anything else System.Text.Json knows how to write compactly.
            sb.Append(value.ToJsonString());
        }
    }

    /// <summary>Python's json string escaping with ensure_ascii=False.</summary>
    internal static void WriteString(StringBuilder sb, string text)
    {
        sb.Append('"');

        // Copy runs of characters that need no escape in one go: outputs can hold megabytes of base64.
        var runStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < ' ' => UnicodeEscape(c),
                _ when char.IsHighSurrogate(c) && IsPairAt(text, i) => null,
                _ when char.IsLowSurrogate(c) && i > 0 && IsPairAt(text, i - 1) => null,

                // Python would fail to encode a lone surrogate as UTF-8; escaping keeps it lossless.
                _ when char.IsSurrogate(c) => UnicodeEscape(c),
                _ => null,
            };
            if (escape is null)
            {
                continue;
            }

            sb.Append(text, runStart, i - runStart).Append(escape);
            runStart = i + 1;
        }

        sb.Append(text, runStart, text.Length - runStart).Append('"');
    }

    private static string UnicodeEscape(char c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);

    private static bool IsPairAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

    /// <summary>
    /// Python's <c>repr(float)</c>: the shortest round-trip digits, fixed notation for decimal exponents
    /// from -4 to 16 with ".0" kept for integral values, otherwise "1.5e+16" style; non-finite values
    /// as json.dumps writes them.
    /// </summary>
    internal static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        var sign = double.IsNegative(d) ? "-" : "";
        if (d == 0)
        {
            return sign + "0.0";
        }

        // .NET's "R" gives the shortest round-trip digits; only the layout differs from Python.
        var r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var mantissa = r;
        var e = r.IndexOf('E');
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = r[..e];
        }

        var dot = mantissa.IndexOf('.');
        var integerPart = dot < 0 ? mantissa : mantissa[..dot];
        var digits = integerPart + (dot < 0 ? "" : mantissa[(dot + 1)..]);

        // value = 0.<digits> * 10^decimalPoint
        var decimalPoint = integerPart.Length + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0').TrimEnd('0');
        decimalPoint -= leadingZeros;

        if (decimalPoint <= -4 || decimalPoint > 16)
        {
            var exp10 = decimalPoint - 1;
            var head = digits.Length > 1 ? digits[..1] + "." + digits[1..] : digits;
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{head}e{(exp10 < 0 ? '-' : '+')}{Math.Abs(exp10):00}");
        }

        if (decimalPoint <= 0)
        {
            return sign + "0." + new string('0', -decimalPoint) + digits;
        }

        if (decimalPoint >= digits.Length)
        {
            return sign + digits + new string('0', decimalPoint - digits.Length) + ".0";
        }

        return sign + digits[..decimalPoint] + "." + digits[decimalPoint..];
    }

    /// <summary>Orders keys by Unicode code point, as Python sorts str (ordinal UTF-16 differs above U+D7FF).</summary>
    private sealed class CodePointComparer : IComparer<string>
    {
        public static readonly CodePointComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            if (x is null || y is null)
            {
                return string.CompareOrdinal(x, y);
            }

            var xi = x.EnumerateRunes().GetEnumerator();
            var yi = y.EnumerateRunes().GetEnumerator();
            while (true)
            {
                var hasX = xi.MoveNext();
                var hasY = yi.MoveNext();
                if (!hasX || !hasY)
                {
                    return hasX.CompareTo(hasY);
                }

                var diff = xi.Current.Value.CompareTo(yi.Current.Value);
                if (diff != 0)
                {
                    return diff;
                }
            }
        }
    }
}
