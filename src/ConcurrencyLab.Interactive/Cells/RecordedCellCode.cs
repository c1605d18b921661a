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
    /// <param name="endHook">
    /// A method (of <see cref="CellHooks"/>, taking the cell number, and optionally a value it returns) called where the
    /// cell's code ends, on the thread it ends on; null when the magic ends the recording itself.
    /// </param>
    /// <param name="cellId">The cell's number in <see cref="CellRegistry"/>.</param>
    /// <param name="autoSpans">Whether to add spans around thread-starting lambdas.</param>
    public static string Build(CellSyntax cell, string beginStatement, string? endHook, int cellId, bool autoSpans)
    {
        var edits = new TextEdits();
        if (autoSpans)
            AutoSpans.Add(cell, edits, cellId);
        var code = cell.Code;
        if (endHook is not null)
        {
            if (cell.TrailingExpression is { Expression: var value })
            {
                // The kernel shows the trailing expression's value, so it must stay last: the hook passes it through,
                // or, when it may be void, runs just before it.
                if (cell.TrailingExpressionMayBeVoid)
                {
                    edits.Insert(value.SpanStart, $"{endHook}({cellId}); ");
                }
                else
                {
                    edits.Insert(value.SpanStart, $"{endHook}({cellId}, ");
                    edits.Insert(value.Span.End, ")");
                }
            }
            else
            {
                code += $"\n{endHook}({cellId});";
            }
        }
        return cell.InsertBeforeFirstMember(code, edits, beginStatement);
    }
}
