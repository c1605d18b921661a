using Markdig;

namespace NotebookRunner.Reporting;

/// <summary>Renders markdown cells and <c>text/markdown</c> outputs with Markdig.</summary>
internal static class HtmlMarkdown
{
    // Raw HTML in markdown is shown as text (DisableHtml): the report never passes author HTML through
    // unescaped, so a cell containing <script> stays inert. Tables, task lists etc. as GitHub renders them.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseFootnotes()
        .DisableHtml()
        .Build();

    /// <summary>The HTML for <paramref name="markdown"/>; <c>javascript:</c> links are neutralised.</summary>
    public static string Render(string markdown) => HtmlSanitizer.StripScripts(Markdown.ToHtml(markdown, Pipeline));
}
