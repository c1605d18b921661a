namespace NotebookRunner.Kernel;

/// <summary>The event types of the stdio protocol that nbrun acts on.</summary>
public static class KernelEventTypes
{
    /// <summary>First event after start: the kernel and its subkernels.</summary>
    public const string KernelReady = "KernelReady";
    /// <summary>A kernel was added (e.g. by <c>#!connect</c>) or described.</summary>
    public const string KernelInfoProduced = "KernelInfoProduced";
    /// <summary>A command ended well.</summary>
    public const string CommandSucceeded = "CommandSucceeded";
    /// <summary>A command ended with an error (compile error, exception, cancellation).</summary>
    public const string CommandFailed = "CommandFailed";
    /// <summary>A trailing expression's value.</summary>
    public const string ReturnValueProduced = "ReturnValueProduced";
    /// <summary><c>display(x)</c>, an HTML cell, an extension's output.</summary>
    public const string DisplayedValueProduced = "DisplayedValueProduced";
    /// <summary><c>displayed.Update(y)</c>: replaces an earlier display.</summary>
    public const string DisplayedValueUpdated = "DisplayedValueUpdated";
    /// <summary>A write to stdout.</summary>
    public const string StandardOutputValueProduced = "StandardOutputValueProduced";
    /// <summary>A write to stderr.</summary>
    public const string StandardErrorValueProduced = "StandardErrorValueProduced";
    /// <summary>The compiler's diagnostics for a submission (errors also end it with <see cref="CommandFailed"/>).</summary>
    public const string DiagnosticsProduced = "DiagnosticsProduced";
    /// <summary>An error that does not end the command (e.g. a bad package id).</summary>
    public const string ErrorProduced = "ErrorProduced";
}
