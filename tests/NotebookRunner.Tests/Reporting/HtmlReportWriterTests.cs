using NotebookRunner.Documents;
using NotebookRunner.Reporting;
using NotebookRunner.Tests.Documents;
using Xunit;

namespace NotebookRunner.Tests.Reporting;

public sealed class HtmlReportWriterTests
{
    private const string Attack = "<script>alert(1)</script>";
    private const string EscapedAttack = "&lt;script&gt;alert(1)&lt;/script&gt;";

    private static readonly ReportEntry Passed = new("demo.ipynb", "demo.html", "passed", TimeSpan.FromSeconds(2.5), 3, 4, null);

    private static Notebook With(params NotebookCell[] cells)
    {
        var nb = Notebook.CreateNew();
        nb.Cells.AddRange(cells);
        return nb;
    }

    private static NotebookCell CodeWith(params CellOutput[] outputs)
    {
        var cell = NotebookCell.Code("x");
        cell.ExecutionCount = 5;
        cell.Outputs.AddRange(outputs);
        return cell;
    }

    private static string PageWith(params CellOutput[] outputs) => HtmlReportWriter.RenderNotebook(With(CodeWith(outputs)), "t", Passed);

    private static DisplayDataOutput Display(params (string Mime, string Value)[] values)
    {
        var bundle = new MimeBundle();
        foreach (var (mime, value) in values)
        {
            bundle.SetFormatted(mime, value);
        }

        return new DisplayDataOutput(bundle);
    }

    [Fact]
    public void Header_shows_name_status_duration_and_cells()
    {
        var page = HtmlReportWriter.RenderNotebook(With(), "demo.ipynb", Passed with { Status = "timed out", FailureSummary = "cell 2: timed out after 120 s" });

        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("<h1>demo.ipynb</h1>", page);
        Assert.Contains("<span class=\"status status-timed-out\">timed out</span>", page);
        Assert.Contains("2.50 s", page);
        Assert.Contains("3 of 4 cells run", page);
        Assert.Contains("<div class=\"failure\">cell 2: timed out after 120 s</div>", page);
        Assert.Contains("href=\"index.html\"", page);
    }

    [Fact]
    public void Script_in_source_and_text_outputs_is_rendered_as_text()
    {
        var cell = CodeWith(
            new StreamOutput("stdout", Attack),
            new StreamOutput("stderr", Attack),
            new ErrorOutput(Attack, Attack, [Attack]),
            Display(("text/plain", Attack)));
        cell.Source = $"Console.WriteLine(\"{Attack}\");";
        var md = NotebookCell.Markdown("Hello " + Attack);

        var page = HtmlReportWriter.RenderNotebook(With(cell, md), Attack, Passed with { FailureSummary = Attack });

        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.True(CountOf(page, EscapedAttack) >= 8, page);
    }

    [Fact]
    public void Code_cells_show_the_execution_count_and_escaped_source()
    {
        var cell = NotebookCell.Code("if (a < b && c > d) { }");
        cell.ExecutionCount = 12;
        var notRun = NotebookCell.Code("later()");

        var page = HtmlReportWriter.RenderNotebook(With(cell, notRun), "t", Passed);

        Assert.Contains("[12]:", page);
        Assert.Contains("if (a &lt; b &amp;&amp; c &gt; d) { }", page);
        Assert.Contains("cell-not-run", page);
        Assert.Contains("[&nbsp;]:", page);
    }

    [Fact]
    public void Stderr_is_visually_distinct_from_stdout()
    {
        var page = PageWith(new StreamOutput("stdout", "out"), new StreamOutput("stderr", "err"));

        Assert.Contains("<pre class=\"output stream stdout\">out</pre>", page);
        Assert.Contains("<pre class=\"output stream stderr\">err</pre>", page);
        Assert.Contains(".stream.stderr {", page);
    }

    [Fact]
    public void Errors_are_in_a_red_box_with_name_value_and_traceback()
    {
        var error = new ErrorOutput("System.InvalidOperationException", "boom", ["\u001b[0;31mat Foo()\u001b[0m", "at Bar()"]);

        var page = PageWith(error);

        Assert.Contains("<div class=\"output error\"><div class=\"error-title\">System.InvalidOperationException: boom</div>", page);
        Assert.Contains("<pre class=\"traceback\">at Foo()\nat Bar()</pre>", page);
        Assert.Contains("cell-error", page);
        Assert.Contains(".error {", page);
    }

    [Fact]
    public void Svg_wins_over_html_and_images_and_is_inlined()
    {
        var svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script><rect width=\"5\" height=\"5\"/></svg>";
        var output = Display(("text/html", "<b>html</b>"), ("image/svg+xml", svg), ("image/png", "QUJD"), ("text/plain", "plain"));

        var page = PageWith(output);

        Assert.Contains("<div class=\"svg-output\"><svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"5\" height=\"5\"/></svg></div>", page);
        Assert.DoesNotContain("<b>html</b>", page);
        Assert.DoesNotContain("<?xml", page);
        Assert.DoesNotContain("alert", page);
    }

    [Fact]
    public void Html_is_inlined_without_scripts_or_event_handlers()
    {
        var html = "<table><tr><td onclick=\"steal()\">1</td></tr></table><SCRIPT type=\"text/javascript\">x()</SCRIPT><a href=\"javascript:evil()\">l</a><script src=\"x.js\"/><script>unterminated";
        var result = new ExecuteResultOutput(new MimeBundle(), 7);
        result.Data.SetText("text/html", html);
        result.Data.SetText("text/plain", "plain");

        var page = PageWith(result);

        Assert.Contains("<div class=\"html-output\"><table><tr><td>1</td></tr></table><a href=\"#blocked:evil()\">l</a></div>", page);
        Assert.Contains("Out[7]:", page);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", page);
    }

    [Fact]
    public void Png_becomes_a_data_uri_and_invalid_base64_falls_back_to_text()
    {
        var good = Display(("image/png", "iVBORw0K\nGgo="), ("text/plain", "alt text"));
        var bad = Display(("image/png", "\" onerror=\"x"), ("text/plain", "fallback"));
        var jpeg = Display(("image/jpeg", "/9j/4AAQ"));

        var page = PageWith(good, bad, jpeg);

        Assert.Contains("src=\"data:image/png;base64,iVBORw0KGgo=\"", page);
        Assert.Contains("src=\"data:image/jpeg;base64,/9j/4AAQ\"", page);
        Assert.Contains("<pre class=\"text-output\">fallback</pre>", page);
        Assert.DoesNotContain("onerror", page);
    }

    [Fact]
    public void Markdown_cells_and_outputs_are_rendered()
    {
        var md = NotebookCell.Markdown("# Title\n\nSome *emphasis* and `code` <b>raw</b>.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[bad](javascript:alert(1))");
        var output = Display(("text/markdown", "**bold**"), ("text/plain", "bold"));

        var page = HtmlReportWriter.RenderNotebook(With(md, CodeWith(output)), "t", Passed);

        Assert.Contains("<h1>Title</h1>", page);
        Assert.Contains("<em>emphasis</em>", page);
        Assert.Contains("<code>code</code>", page);
        Assert.Contains("&lt;b&gt;raw&lt;/b&gt;", page);
        Assert.Contains("<table>", page);
        Assert.Contains("<strong>bold</strong>", page);
        Assert.DoesNotContain("href=\"javascript:", page);
    }

    [Fact]
    public void Json_only_and_unknown_outputs_render_as_text()
    {
        var json = Display(("application/vnd.plotly.v1+json", "{\"data\": [1]}"));
        var unknown = new UnknownOutput(new System.Text.Json.Nodes.JsonObject { ["output_type"] = "hologram" });

        var page = PageWith(json, unknown);

        Assert.Contains("json-output", page);
        Assert.Contains("&quot;data&quot;", page);
        Assert.Contains("<code>hologram</code>", page);
    }

    [Fact]
    public void A_real_executed_notebook_renders_self_contained()
    {
        var nb = NotebookReader.Read(TestFiles.Path("nbformat", "jupyter-executed.ipynb"));
        nb.Cells[0].Source += "\n![pic](attachment:pic.png)";

        var page = HtmlReportWriter.RenderNotebook(nb, "jupyter-executed.ipynb", Passed);

        Assert.Equal(1, CountOf(page, "<style>"));
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("<link", page);
        Assert.DoesNotContain("src=\"http", page);
        Assert.Contains("café ☕ 😀", page);
        Assert.Contains("<rect width=\"10\" height=\"10\"/>", page);          // svg wins over png in cell 3
        Assert.Contains("src=\"data:image/png;base64,iVBORw0KGgo=\"", page);  // markdown attachment resolved
        Assert.Contains("raw text\nstays raw", page);
        Assert.Equal(nb.Cells.Count, CountOf(page, "<section class=\"cell"));
        Assert.True(page.IndexOf("Queues and workers", StringComparison.Ordinal) < page.IndexOf("InvalidOperationException", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_sample_notebook_renders_every_cell_without_scripts()
    {
        foreach (var file in Directory.GetFiles(TestFiles.Path("nbformat"), "*.ipynb"))
        {
            var nb = NotebookReader.Read(file);

            var page = HtmlReportWriter.RenderNotebook(nb, Path.GetFileName(file), Passed);

            Assert.Equal(nb.Cells.Count, CountOf(page, "<section class=\"cell"));
            Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
            Assert.EndsWith("</html>\n", page);
        }
    }

    [Fact]
    public void Index_lists_notebooks_with_links_status_colours_and_totals()
    {
        IReadOnlyList<ReportEntry> entries =
        [
            new("a/01 intro.ipynb", "a_01 intro.html", "passed", TimeSpan.FromMilliseconds(350), 4, 4, null),
            new("02-fail.ipynb", "02-fail.html", "failed", TimeSpan.FromSeconds(75), 2, 5, $"cell 3 (id c1): {Attack}"),
            new("03.ipynb", "03.html", "crashed", TimeSpan.FromSeconds(1), 1, 2, "process exited"),
            new("04.ipynb", "04.html", "timed out", TimeSpan.FromSeconds(120), 1, 1, "timeout"),
        ];

        var page = HtmlReportWriter.RenderIndex(entries, "Notebook run", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "net10.0 <linux> & 2 cpus");

        Assert.Contains("<a href=\"a_01%20intro.html\">a/01 intro.ipynb</a>", page);
        Assert.Contains("<a href=\"02-fail.html\">02-fail.ipynb</a>", page);
        Assert.Contains("status-passed", page);
        Assert.Contains("status-failed", page);
        Assert.Contains("status-crashed", page);
        Assert.Contains("status-timed-out", page);
        Assert.Contains("350 ms", page);
        Assert.Contains("1 min 15 s", page);
        Assert.Contains("2 / 5", page);
        Assert.Contains(EscapedAttack, page);
        Assert.DoesNotContain("<script", page);
        Assert.Contains("4 notebooks: 1 passed, 1 failed, 1 timed out, 1 crashed", page);
        Assert.Contains("2026-01-02 03:04:05 UTC+00:00", page);
        Assert.Contains("net10.0 &lt;linux&gt; &amp; 2 cpus", page);
        Assert.Contains("<title>Notebook run — 3 not passed</title>", page);
    }

    [Fact]
    public void Empty_index_says_so()
    {
        var page = HtmlReportWriter.RenderIndex([], "Run", DateTimeOffset.UnixEpoch, "env");

        Assert.Contains("No notebooks were run.", page);
        Assert.Contains("0 notebooks: 0 passed", page);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
