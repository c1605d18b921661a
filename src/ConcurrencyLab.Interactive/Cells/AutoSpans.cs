using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConcurrencyLab.Interactive.Cells;

/// <summary>
/// Puts a span around the lambdas a <c>#!timeline</c> cell hands to thread-starting APIs (<c>new Thread</c>,
/// <c>Task.Run</c>, <c>Task.Factory.StartNew</c>, <c>ThreadPool.QueueUserWorkItem</c>, <c>Parallel.For/ForEach/Invoke</c>
/// and their async forms), so every thread the cell starts or borrows gets a row without the learner writing spans.
/// Recognised by name only: the kernel has not compiled the cell yet, and binding it here would cost more than the
/// 2 ms the magic may add. An expression-bodied async lambda is left alone (its result type is not known by name).
/// </summary>
internal static class AutoSpans
{
    private static readonly Dictionary<string, string[]> MethodsByReceiver = new(StringComparer.Ordinal)
    {
        ["Task"] = ["Run"],
        ["Factory"] = ["StartNew"],
        ["ThreadPool"] = ["QueueUserWorkItem", "UnsafeQueueUserWorkItem"],
        ["Parallel"] = ["For", "ForEach", "Invoke", "ForAsync", "ForEachAsync"],
    };

    public static void Add(CellSyntax cell, TextEdits edits, int cellId)
    {
        var spans = 0;
        foreach (var node in cell.Root.DescendantNodes())
        {
            var (construct, arguments) = node switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call when StartsWork(access) =>
                    ($"{LastName(access.Expression)}.{access.Name.Identifier.Text}", call.ArgumentList.Arguments),
                ObjectCreationExpressionSyntax { ArgumentList: { } list } creation when LastName(creation.Type) == "Thread" =>
                    ("new Thread", list.Arguments),
                _ => (null, default),
            };
            if (construct is null) continue;
            foreach (var argument in arguments)
            {
                if (argument.Expression is not AnonymousFunctionExpressionSyntax lambda) continue;
                var label = $"{construct} (line {cell.CellLineOf(lambda.SpanStart)})";
                var hook = "global::ConcurrencyLab.Interactive.Cells.CellHooks";
                if (lambda.Block is { } block)
                {
                    edits.Insert(block.OpenBraceToken.Span.End, $" using var __cellSpan{++spans} = {hook}.Span({cellId}, \"{label}\");");
                }
                else if (lambda.ExpressionBody is { } body && !lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
                {
                    edits.Insert(body.SpanStart, $"{hook}.InSpan({cellId}, \"{label}\", () => ");
                    edits.Insert(body.Span.End, ")");
                }
            }
        }
    }

    private static bool StartsWork(MemberAccessExpressionSyntax access) =>
        MethodsByReceiver.TryGetValue(LastName(access.Expression), out var methods) && methods.Contains(access.Name.Identifier.Text);

    private static string LastName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.Text,
        SimpleNameSyntax name => name.Identifier.Text,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.Text,
        _ => "",
    };
}
