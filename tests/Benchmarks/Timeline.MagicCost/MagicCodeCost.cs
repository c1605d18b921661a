using ConcurrencyLab.Interactive.Cells;

namespace Timeline.MagicCost;

/// <summary>What #!timeline does to a cell's text before the kernel sees it.</summary>
internal static class MagicCodeCost
{
    public static string Generate(string cell)
    {
        var syntax = CellSyntax.Parse("#!timeline", CellText.Locate("#!timeline", cell, allowCompilerReferences: true));
        return RecordedCellCode.Build(syntax, "global::ConcurrencyLab.Interactive.Cells.CellHooks.BeginTimeline(1);", 1, autoSpans: true);
    }
}
