using NotebookRunner.Execution;

namespace NotebookRunner.Cli;

/// <summary>What <c>nbrun run</c> was asked to do.</summary>
public sealed record RunSettings(
    IReadOnlyList<string> Paths,
    string? OutputDirectory,
    bool InPlace,
    string? JUnitPath,
    string? HtmlDirectory,
    RunOptions Options,
    Shard? Shard = null);
