using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConcurrencyLab.Interactive.Cells;

/// <summary>
/// The code a <c>#!timeline</c> or <c>#!sample</c> cell runs: the learner's code as written (its variables stay for
/// later cells), with one statement before its first line that begins the recording, and for a timeline the
/// automatic spans; line numbers stay those of the cell.
/// </summary>
internal static class RecordedCellCode
{
    /// <param name="cell">The rest of the cell.</param>
    /// <param name="beginStatement">The statement that begins the recording.</param>
    /// <param name="cellId">The cell's number in <see cref="CellRegistry"/>.</param>
    /// <param name="autoSpans">Whether to add spans around thread-starting lambdas.</param>
    public static string Build(CellSyntax cell, string beginStatement, int cellId, bool autoSpans)
    {
        const string end = "global::ConcurrencyLab.Interactive.Cells.CellHooks.End";
        var edits = new TextEdits();
        cell.InsertBeforeFirstMember(edits, beginStatement);
        if (autoSpans)
            AutoSpans.Add(cell, edits, cellId);
        var suffix = "";
        // The recording ends where the code ends, on the thread it ends on, before the kernel formats the cell's value.
        // The kernel shows the trailing expression's value, so it stays last, wrapped in a lambda the hook runs first
        // (an overload for void and one for values: the compiler picks, without this code knowing the type). After a
        // trailing await, the magic ends the recording itself once the kernel is done.
        if (cell.TrailingExpression is { Expression: var value } && value is not AwaitExpressionSyntax)
        {
            edits.Insert(value.SpanStart, $"{end}({cellId}, () => ");
            edits.Insert(value.Span.End, ")");
        }
        else if (cell.TrailingExpression is null)
        {
            suffix = $"\n{end}({cellId});";
        }
        return cell.Apply(edits, suffix);
    }
}
