using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConcurrencyLab.Interactive.Cells;

/// <summary>
/// Turns a <c>#!measure</c> cell into one submission that compiles the cell's code once, as the body of a lambda, and
/// times that delegate: the repeats call compiled code, never the kernel's compiler. The timing runs inside the
/// submission, so whatever the code prints belongs to an ordinary SubmitCode of the cell, as any cell's output does. Like IPython's
/// <c>%%timeit</c>, the cell's variables are local to the measurement; its usings are kept for the kernel.
/// </summary>
internal static class MeasuredCellCode
{
    /// <param name="cell">The rest of the cell.</param>
    /// <param name="cellId">The cell's number in <see cref="CellRegistry"/>.</param>
    /// <param name="returnTrailingValue">Whether the trailing expression is returned (it has a value) or run as a statement.</param>
    public static string Build(CellSyntax cell, int cellId, bool returnTrailingValue)
    {
        foreach (var member in cell.Root.Members)
        {
            if (member is GlobalStatementSyntax or FieldDeclarationSyntax or MethodDeclarationSyntax) continue;
            var what = member switch
            {
                BaseTypeDeclarationSyntax type => $"the type '{type.Identifier.Text}'",
                DelegateDeclarationSyntax type => $"the delegate type '{type.Identifier.Text}'",
                _ => $"a {member.Kind().ToString().Replace("Declaration", "").ToLowerInvariant()}",
            };
            throw new MagicCellException(
                $"{cell.Magic} times the code of its cell as a lambda, so line {cell.CellLineOf(member.SpanStart)} cannot declare {what} here: declare it in an earlier cell.");
        }
        if (cell.Root.AttributeLists.Count > 0 || cell.Root.Externs.Count > 0)
            throw new MagicCellException($"{cell.Magic}: assembly attributes and extern aliases belong in an earlier cell.");

        var edits = new TextEdits();
        var usings = new StringBuilder();
        foreach (var directive in cell.Root.Usings)
        {
            usings.Append(CellSyntax.LineDirective(cell.CellLineOf(directive.SpanStart))).Append(directive.ToString()).Append('\n');
            edits.Replace(directive.SpanStart, directive.Span.Length, Blank(directive.ToString()));
        }
        if (cell.TrailingExpression is { } trailing && returnTrailingValue)
        {
            // The value the cell would display becomes the lambda's result, so the work that computes it is kept.
            edits.Insert(trailing.Expression.SpanStart, "return ");
            edits.Insert(trailing.Expression.Span.End, ";");
        }
        else if (cell.TrailingExpression is { } statement)
        {
            edits.Insert(statement.Expression.Span.End, ";");
        }

        var lambda = cell.HasTopLevelAwait ? "async () =>" : "() =>";
        return usings
            + $"await global::ConcurrencyLab.Interactive.Cells.CellHooks.Measure({cellId}, {lambda}\n{{\n"
            + CellSyntax.LineDirective(cell.FirstLine)
            + edits.ApplyTo(cell.Code)
            + "\n#line default\n});\n";
    }

    // Keeps line breaks, so every later line stays on its cell line number.
    private static string Blank(string text) => new(text.Select(c => c is '\n' or '\r' ? c : ' ').ToArray());
}
