using System.Text.RegularExpressions;

namespace NotebookRunner.Engine.Directives;

/// <summary>
/// Finds the Polyglot Notebooks directives in a C# cell: <c>#!csharp</c> and its aliases (no-ops here),
/// <c>#!time</c>, <c>#r "nuget:..."</c> and <c>#i "nuget:..."</c>. Anything else starting with <c>#!</c> is
/// another kernel or a magic command this engine does not have, and is reported rather than ignored.
/// Plain <c>#r "file.dll"</c> and <c>#load</c> stay in the code: Roslyn scripting resolves them itself.
/// </summary>
public static partial class CellDirectiveParser
{
    /// <summary>The kernel names that mean "this cell is C#".</summary>
    public static readonly IReadOnlySet<string> CSharpKernelNames =
        new HashSet<string>(StringComparer.Ordinal) { "csharp", "c#", "C#", "cs" };

    private static readonly IReadOnlySet<string> OtherKernels = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "markdown", "md", "sql", "kql",
        "mermaid", "value", "http", "python", "r", "vscode", "browser", "mssql",
    };

    /// <summary>What the engine supports, for error messages.</summary>
    public const string SupportedSummary = "supported: #!csharp (or #!c#, #!C#, #!cs), #!time, #r \"path.dll\", #r \"nuget: Id, Version\", #i \"nuget: source\", #load \"file.csx\"";

    /// <summary>Splits <paramref name="source"/> into code and directives.</summary>
    public static ParsedCell Parse(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var timed = false;
        var packages = new List<PackageReference>();
        var sources = new List<string>();
        var problems = new List<string>();

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var lineNumber = i + 1;
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = line[2..].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                if (CSharpKernelNames.Contains(name)) { lines[i] = ""; continue; }
                if (name == "time") { timed = true; lines[i] = ""; continue; }
                problems.Add(OtherKernels.Contains(name)
                    ? $"line {lineNumber}: kernel '#!{name}' is not supported: nbrun runs C# cells only ({SupportedSummary})"
                    : $"line {lineNumber}: unknown magic command '#!{name}' ({SupportedSummary})");
                continue;
            }

            var directive = NuGetDirective().Match(line);
            if (!directive.Success) continue;
            var kind = directive.Groups["kind"].Value;
            var argument = directive.Groups["arg"].Value;
            if (kind == "r")
            {
                if (PackageReference.TryParse(argument, out var reference)) packages.Add(reference!);
                else problems.Add($"line {lineNumber}: cannot read the package reference '#r \"nuget:{argument}\"'; expected #r \"nuget: Id, Version\"");
            }
            else
            {
                sources.Add(argument.Trim());
            }
            lines[i] = "";
        }

        return new ParsedCell(string.Join('\n', lines), timed, packages, sources, problems);
    }

    [GeneratedRegex("""^#(?<kind>[ri])\s+"\s*nuget\s*:(?<arg>[^"]*)"\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex NuGetDirective();
}
