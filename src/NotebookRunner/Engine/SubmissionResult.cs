using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookRunner.Engine;

/// <summary>
/// Whether a submission's code can produce a result at all: a trailing expression without a semicolon, or a
/// top-level <c>return expr;</c>. Roslyn's own check also counts a <c>return</c> inside a local function
/// declared in a nested block, so a cell like <c>if (c) { string F() { return null; } ... }</c> would show a
/// bogus "&lt;null&gt;" result; this syntactic test rules those out.
/// </summary>
internal static class SubmissionResult
{
    public static bool CanProduceValue(SyntaxTree tree)
    {
        if (tree.GetRoot() is not CompilationUnitSyntax unit)
            return false;
        var globals = unit.Members.OfType<GlobalStatementSyntax>().ToList();
        if (globals.Count > 0 && globals[^1].Statement is ExpressionStatementSyntax { SemicolonToken.IsMissing: true })
            return true;
        return globals.SelectMany(global => global.Statement.DescendantNodesAndSelf(descendIntoChildren: IsSameBody))
            .OfType<ReturnStatementSyntax>()
            .Any(statement => statement.Expression is not null);
    }

    // Returns inside these belong to another function, not to the submission.
    private static bool IsSameBody(SyntaxNode node) =>
        node is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
}
