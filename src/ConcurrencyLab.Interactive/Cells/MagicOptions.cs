using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace ConcurrencyLab.Interactive.Cells;

/// <summary>Reads option values of a magic command; every bad value fails with the magic's and the option's name.</summary>
internal static partial class MagicOptions
{
    /// <summary>
    /// A positive duration such as <c>2s</c>, <c>500ms</c>, <c>1.5s</c>, <c>1m</c> or <c>00:00:02</c>; null when the option
    /// was not given.
    /// </summary>
    public static TimeSpan? Duration(string magic, string option, string? value)
    {
        if (value is null) return null;
        var text = value.Trim();
        TimeSpan? parsed = null;
        var match = DurationPattern().Match(text);
        if (match.Success)
        {
            var number = double.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
            parsed = match.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(number),
                "s" or "" => TimeSpan.FromSeconds(number),
                "m" or "min" => TimeSpan.FromMinutes(number),
                _ => null,
            };
        }
        else if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            parsed = span;
        }

        if (parsed is not { } duration || duration <= TimeSpan.Zero)
            throw new MagicCellException($"{magic} {option}: '{value}' is not a positive duration; write it like 2s, 500ms or 1.5s.");
        return duration;
    }

    /// <summary><c>on</c> or <c>off</c> (also true/false, yes/no); <paramref name="fallback"/> when not given.</summary>
    public static bool OnOff(string magic, string option, string? value, bool fallback) =>
        value?.Trim().ToLowerInvariant() switch
        {
            null => fallback,
            "on" or "true" or "yes" => true,
            "off" or "false" or "no" => false,
            _ => throw new MagicCellException($"{magic} {option}: '{value}' is neither on nor off."),
        };

    /// <summary>A C# variable name for a later cell; null when not given.</summary>
    public static string? VariableName(string magic, string option, string? value)
    {
        if (value is null) return null;
        var name = value.Trim();
        if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
            throw new MagicCellException($"{magic} {option}: '{value}' is not a valid C# variable name.");
        return name;
    }

    /// <summary>A non-empty label; null when not given.</summary>
    public static string? Label(string magic, string option, string? value)
    {
        if (value is null) return null;
        if (string.IsNullOrWhiteSpace(value))
            throw new MagicCellException($"{magic} {option}: the value is empty.");
        return value.Trim();
    }

    /// <summary>
    /// The kernel's parser binds an option written without a value (<c>#!measure --budget</c>) to null, the same as a
    /// missing option; this reads the magic's own line so such an option fails instead of being ignored.
    /// </summary>
    public static void RequireValues(string magic, string cell, IReadOnlyDictionary<string, string?> bound)
    {
        var line = cell.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(magic, StringComparison.Ordinal)) ?? "";
        var tokens = Tokens().Matches(line).Select(m => m.Value).ToList();
        foreach (var (option, value) in bound)
        {
            if (value is null && tokens.Contains(option))
                throw new MagicCellException($"{magic} {option} needs a value, e.g. {option} {Example(option)}.");
        }
    }

    private static string Example(string option) => option switch
    {
        "--budget" => "5s",
        "--interval" => "10ms",
        "--runtime-events" or "--auto-spans" => "off",
        "--perfetto" => "trace.json",
        "--variable" => "result",
        _ => "name",
    };

    [GeneratedRegex(@"^(?<number>\d+(\.\d+)?)\s*(?<unit>ms|s|m|min)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex("\"[^\"]*\"|\\S+")]
    private static partial Regex Tokens();
}
