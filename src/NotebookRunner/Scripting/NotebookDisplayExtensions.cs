using NotebookRunner.Scripting;

// In namespace System on purpose: .NET Interactive's DisplayExtensions live there, so notebook cells call
// .Display() without a using. The helper library must not define these (they would clash in Polyglot).
namespace System;

/// <summary><c>.Display()</c> for notebook cells run by nbrun, as Polyglot Notebooks provides it.</summary>
public static class NotebookDisplayExtensions
{
    /// <summary>Shows the value as a new output, in <paramref name="mimeTypes"/> or its preferred ones.</summary>
    /// <example><code>timeline.Display();</code></example>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) =>
        NotebookKernel.DisplayCore(value, mimeTypes);
}
