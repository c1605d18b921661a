using System.Globalization;

namespace ConcurrencyLab.Measurement;

/// <summary>Formats nanoseconds the way %timeit does: three significant digits in ns, µs, ms or s.</summary>
internal static class DurationText
{
    public static string Format(double nanoseconds)
    {
        if (double.IsNaN(nanoseconds) || double.IsInfinity(nanoseconds)) return "n/a";
        double abs = Math.Abs(nanoseconds);
        (double value, string unit) = abs switch
        {
            >= 1e9 => (nanoseconds / 1e9, "s"),
            >= 1e6 => (nanoseconds / 1e6, "ms"),
            >= 1e3 => (nanoseconds / 1e3, "µs"),
            _ => (nanoseconds, "ns"),
        };
        return Significant(value, 3) + " " + unit;
    }

    /// <summary>A number with <paramref name="digits"/> significant digits, invariant culture.</summary>
    public static string Significant(double value, int digits)
    {
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
            return value.ToString(CultureInfo.InvariantCulture);
        int magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value))) + 1;
        int decimals = Math.Clamp(digits - magnitude, 0, 15);
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>A number with a fixed count of decimals, invariant culture (tables).</summary>
    public static string Fixed(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "n/a";
}
