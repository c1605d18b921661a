using System.Text.RegularExpressions;
using ConcurrencyLab.Interactive.Cells;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace ConcurrencyLab.Interactive.Magics;

/// <summary>
/// The kernel splits a cell at its magic commands and runs the pieces in order, so code written above a cell magic
/// would run, unmeasured, before the magic could object. This C# kernel middleware fails such a cell before its first
/// piece runs.
/// </summary>
internal static partial class MisplacedMagicGuard
{
    private static readonly string[] Magics = [MeasureMagic.Name, TimelineMagic.Name, SampleMagic.Name];

    public static KernelCommandPipelineMiddleware Middleware => async (command, context, next) =>
    {
        if (command is SubmitCode { Parent: SubmitCode cell } piece && !ReferenceEquals(piece, cell) && Misplaced(cell.Code) is { } message)
        {
            context.Fail(cell, message: message);
            return;
        }
        await next(command, context);
    };

    private static string? Misplaced(string cell)
    {
        if (!cell.Contains("#!", StringComparison.Ordinal)) return null;
        foreach (var magic in Magics)
        {
            if (!MagicAtLineStart().Matches(cell).Any(m => m.Groups[1].Value == magic)) continue;
            try
            {
                CellText.Locate(magic, cell, allowCompilerReferences: true);
            }
            catch (MagicCellException e)
            {
                return e.Message;
            }
        }
        return null;
    }

    [GeneratedRegex(@"^\s*(#![\w-]+)", RegexOptions.Multiline)]
    private static partial Regex MagicAtLineStart();
}
