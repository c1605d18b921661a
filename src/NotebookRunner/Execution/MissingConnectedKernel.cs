using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;
using NotebookRunner.Documents;

namespace NotebookRunner.Execution;

/// <summary>
/// A cell's kernel that the notebook connects (its metadata lists it with a language, as Polyglot records a
/// <c>#!connect</c>-ed kernel) but that this session does not have when the cell's turn comes: the setup cell found
/// nothing to connect (no <c>python3</c> Jupyter kernelspec on a laptop with only the .NET SDK). Such a cell is not
/// sent, since the kernel could only answer that it has no such subkernel; it is reported instead, with how to get
/// the kernel.
/// </summary>
/// <param name="Name">The cell's target kernel, e.g. "python".</param>
/// <param name="Declared">The kernel as the notebook's metadata lists it.</param>
/// <param name="Advice">How the notebook connects the kernel and how to install what it needs, in one or two sentences.</param>
internal sealed partial record MissingConnectedKernel(string Name, KernelInfo Declared, string Advice)
{
    /// <summary>
    /// The missing kernel <paramref name="target"/>, or null when the session has it, when it exists only in a browser
    /// front end (that cell fails, saying so), or when the notebook does not declare it (the kernel's own error stands).
    /// </summary>
    public static MissingConnectedKernel? Find(Notebook notebook, string target, IReadOnlyCollection<string> sessionKernels)
    {
        if (sessionKernels.Contains(target, StringComparer.OrdinalIgnoreCase) || Kernel.CellRouting.NeedsFrontEnd(target)) return null;
        return notebook.GetDeclaredKernel(target) is { } declared ? new MissingConnectedKernel(target, declared, AdviceFor(notebook, target, declared)) : null;
    }

    /// <summary>True when <paramref name="required"/> names this kernel or one of its aliases.</summary>
    public bool IsRequiredBy(IReadOnlySet<string> required) =>
        required.Contains(Name) || required.Contains(Declared.Name) || Declared.Aliases.Any(required.Contains);

    /// <summary>The stderr text an unavailable cell gets in place of its outputs.</summary>
    public string NotRunText() => $"Not run: no '{Name}' kernel on this machine (nbrun). {Advice}\n";

    /// <summary>The error of a cell whose kernel is required (<c>--require-kernel</c> or <c>NBRUN_REQUIRE_KERNEL</c>).</summary>
    public string RequiredFailure(int index) =>
        $"cell {index} runs in the '{Name}' kernel, which this machine does not have, and the run requires it " +
        $"(--require-kernel or {RequiredKernels.EnvironmentVariable}). {Advice}";

    private static string AdviceFor(Notebook notebook, string target, KernelInfo declared)
    {
        var python = string.Equals(declared.LanguageName, "python", StringComparison.OrdinalIgnoreCase);
        var install = python
            ? ": `apt-get install python3-ipykernel` or `pip install ipykernel && python3 -m ipykernel install --user`."
            : "; `jupyter kernelspec list` shows the kernelspecs installed.";
        if (ConnectingCell(notebook, target, declared) is not { } connect)
            // No literal #!connect line: a cell may still connect it from code (ConcurrencyLab's PythonKernel.ConnectAsync
            // does, and says so in its output), so say what the metadata says and how to get the kernel, nothing more.
            return $"The notebook lists '{target}' as a {declared.LanguageName} kernel that a cell connects at run time when this machine has one" +
                (python ? $"; a Python Jupyter kernel comes with ipykernel{install}" : install);
        return connect.KernelSpec is { } spec
            ? $"The notebook's cell {connect.Index.ToString(CultureInfo.InvariantCulture)} connects one when a '{spec}' Jupyter kernelspec is installed{install}"
            : $"The notebook's cell {connect.Index.ToString(CultureInfo.InvariantCulture)} connects one with `{connect.Line}`; it needs what that connection names.";
    }

    /// <summary>The first code cell with a <c>#!connect … --kernel-name NAME</c> line for this kernel, and its <c>--kernel-spec</c>.</summary>
    private static (int Index, string Line, string? KernelSpec)? ConnectingCell(Notebook notebook, string target, KernelInfo declared)
    {
        string[] names = [target, declared.Name, .. declared.Aliases];
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            if (!notebook.Cells[i].IsCode) continue;
            // Anywhere in a line: a C# setup cell that connects only when the kernelspec exists submits the magic as a string.
            foreach (var text in notebook.Cells[i].Source.Split('\n'))
            {
                var at = text.IndexOf("#!connect", StringComparison.Ordinal);
                if (at < 0) continue;
                var line = text[at..].TrimEnd().TrimEnd(';', ')', '"').TrimEnd();
                var name = KernelNameOption().Match(line);
                if (!name.Success || !names.Contains(name.Groups[1].Value, StringComparer.OrdinalIgnoreCase)) continue;
                var spec = KernelSpecOption().Match(line);
                return (i, line, spec.Success ? spec.Groups[1].Value : null);
            }
        }
        return null;
    }

    [GeneratedRegex(@"--kernel-name\s+""?([^\s""]+)")]
    private static partial Regex KernelNameOption();

    [GeneratedRegex(@"--kernel-spec\s+""?([^\s""]+)")]
    private static partial Regex KernelSpecOption();
}
