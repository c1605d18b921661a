using Microsoft.DotNet.Interactive.Documents;
using NotebookRunner.Documents;
using JupyterFormat = Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook;

namespace NotebookRunner.Tests.Documents;

/// <summary>Microsoft.DotNet.Interactive.Documents' own .ipynb parser, given the kernels nbrun gives it.</summary>
internal static class DocumentsLibrary
{
    public static InteractiveDocument ParseIpynb(string json) => JupyterFormat.Parse(json, PolyglotKernels.Create("csharp"));
}
