using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConcurrencyLab.Interactive.Cells;

/// <summary>
/// The C# after a magic command, parsed as the kernel parses a cell (a script), with positions mapped back to the
/// cell's own line numbers so compile errors in generated code point at what the learner wrote.
/// </summary>
internal sealed class CellSyntax
{
    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private CellSyntax(string magic, CellText cell, CompilationUnitSyntax root)
    {
        Magic = magic;
        Code = cell.Rest;
        FirstLine = cell.RestFirstLine;
        Root = root;
    }

    public string Magic { get; }

    /// <summary>The code after the magic's line, as written.</summary>
    public string Code { get; }

    /// <summary>The cell line <see cref="Code"/> starts on (1-based).</summary>
    public int FirstLine { get; }

    public CompilationUnitSyntax Root { get; }

    /// <summary>Parses the rest of the cell; fails when there is no code in it (blank lines and comments only).</summary>
    public static CellSyntax Parse(string magic, CellText cell)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(cell.Rest, ScriptOptions).GetRoot();
        if (root.Members.Count == 0)
            throw new MagicCellException($"{magic} has nothing to run: write the code on the lines below it, in the same cell.");
        return new CellSyntax(magic, cell, root);
    }

    /// <summary>The cell line (1-based) of a position in <see cref="Code"/>.</summary>
    public int CellLineOf(int position) => FirstLine + Root.SyntaxTree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(position, 0)).StartLinePosition.Line;

    /// <summary>A <c>#line</c> directive that makes the next line count as cell line <paramref name="cellLine"/>.</summary>
    public static string LineDirective(int cellLine) => $"#line {cellLine}\n";

    /// <summary>Start of the first statement or declaration, after using directives.</summary>
    public int FirstMemberStart => Root.Members[0].SpanStart;

    /// <summary>The code's top-level <c>await</c>s (not those inside lambdas or local functions).</summary>
    public bool HasTopLevelAwait =>
        Root.Members.Where(m => m is GlobalStatementSyntax or FieldDeclarationSyntax)
            .SelectMany(m => m.DescendantNodesAndSelf(descendIntoChildren: n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            .Any(n => n switch
            {
                AwaitExpressionSyntax => true,
                CommonForEachStatementSyntax f => f.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
                UsingStatementSyntax u => u.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
                LocalDeclarationStatementSyntax l => l.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
                _ => false,
            });

    /// <summary>The cell's trailing expression (an expression statement without its semicolon), which the kernel displays.</summary>
    public ExpressionStatementSyntax? TrailingExpression =>
        Root.Members[^1] is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement }
            ? statement
            : null;

    /// <summary>
    /// Whether the trailing expression might have no value (a call or an await: without compiling, a void method cannot
    /// be told from one that returns something). Literals, variables, properties, operators and the like have a value.
    /// </summary>
    public bool TrailingExpressionMayBeVoid =>
        TrailingExpression?.Expression is InvocationExpressionSyntax or AwaitExpressionSyntax or ConditionalAccessExpressionSyntax or ParenthesizedExpressionSyntax;

    /// <summary>
    /// Puts <paramref name="statement"/> on a line of its own just before the first statement or declaration, keeping
    /// every line of the cell at its cell line number. Add it before any other edit at the same place: at one position,
    /// the edit added first comes first.
    /// </summary>
    public void InsertBeforeFirstMember(TextEdits edits, string statement)
    {
        var start = FirstMemberStart;
        var lineStart = start;
        while (lineStart > 0 && Code[lineStart - 1] is ' ' or '\t') lineStart--;
        if (lineStart == 0 || Code[lineStart - 1] is '\n' or '\r')
            edits.Insert(lineStart, statement + "\n" + LineDirective(CellLineOf(start)));
        else
            edits.Insert(start, statement + " "); // something shares the line (e.g. "using X; Work();"): stay on it
    }

    /// <summary>The edited code, its first line counted as the cell line it came from.</summary>
    public string Apply(TextEdits edits, string suffix = "") => LineDirective(FirstLine) + edits.ApplyTo(Code) + suffix;
}
