namespace NotebookRunner.Engine.Directives;

/// <summary>A cell's source split into what Roslyn compiles and what the engine handles itself.</summary>
/// <param name="Code">The C# to compile. Directive lines are blanked, not removed, so diagnostics keep the cell's line numbers.</param>
/// <param name="Timed">The cell asked for <c>#!time</c>.</param>
/// <param name="Packages">The cell's <c>#r "nuget:..."</c> references, restored before it compiles.</param>
/// <param name="PackageSources">The cell's <c>#i "nuget:..."</c> restore sources.</param>
/// <param name="Problems">Unsupported directives, each naming the line; a cell with any does not run.</param>
public sealed record ParsedCell(
    string Code,
    bool Timed,
    IReadOnlyList<PackageReference> Packages,
    IReadOnlyList<string> PackageSources,
    IReadOnlyList<string> Problems);
