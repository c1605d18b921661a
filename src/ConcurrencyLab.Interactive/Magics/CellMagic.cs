using ConcurrencyLab.Interactive.Cells;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace ConcurrencyLab.Interactive.Magics;

/// <summary>
/// What the three magics share. Each owns its whole cell: the handler checks the place and the options, runs the
/// rest of the cell itself (as a nested submission to the C# kernel), then completes the cell, so the kernel does not
/// run the rest a second time. A bad place or option fails the cell before any of its code runs.
/// </summary>
internal static class CellMagic
{
    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs" };

    public static async Task RunAsync(string magic, KernelInvocationContext context, CSharpKernel csharp, Func<SubmitCode, Task> body)
    {
        if (context.Command is not SubmitCode cell)
        {
            context.Fail(context.Command, message: $"{magic} works only at the top of a notebook cell.");
            return;
        }
        try
        {
            var target = cell.TargetKernelName ?? (csharp.ParentKernel?.DefaultKernelName) ?? csharp.Name;
            if (!CSharpNames.Contains(target) && target != csharp.Name)
                throw new MagicCellException($"{magic} works in C# cells, but this cell runs in the '{target}' kernel: put the code in a C# cell.");
            await body(cell);
            if (!context.IsComplete)
                context.Complete(cell);
        }
        catch (MagicCellException e)
        {
            context.Fail(cell, message: e.Message);
        }
        catch (Exception e) when (!context.IsComplete)
        {
            context.Fail(cell, e);
        }
    }

    /// <summary>Runs generated code in the C# kernel as part of this cell; the failure, if it failed.</summary>
    public static async Task<CommandFailed?> SubmitAsync(CSharpKernel csharp, string code)
    {
        var result = await csharp.SendAsync(new SubmitCode(code, csharp.Name));
        return result.Events.OfType<CommandFailed>().FirstOrDefault();
    }

    /// <summary>Fails the cell the way the kernel would have failed the code itself.</summary>
    public static void Fail(KernelInvocationContext context, CommandFailed failure) =>
        context.Fail(context.Command, failure.Exception, failure.Message);

    /// <summary>Displays <paramref name="value"/> as an output of the cell, in every preferred MIME type.</summary>
    public static void Display(KernelInvocationContext context, object value) =>
        context.Publish(new DisplayedValueProduced(value, context.Command, FormattedValue.CreateManyFromObject(value)));

    /// <summary>Displays a line of text as an output of the cell.</summary>
    public static void DisplayText(KernelInvocationContext context, string text) =>
        context.Publish(new DisplayedValueProduced(text, context.Command, new[] { new FormattedValue(PlainTextFormatter.MimeType, text) }));
}
