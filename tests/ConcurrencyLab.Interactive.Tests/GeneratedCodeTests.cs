using ConcurrencyLab.Interactive.Cells;

namespace ConcurrencyLab.Interactive.Tests;

/// <summary>The code the magics generate, read as text: what the kernel is asked to compile.</summary>
public sealed class GeneratedCodeTests
{
    private static CellSyntax Parse(string magic, string cell) => CellSyntax.Parse(magic, CellText.Locate(magic, cell, allowCompilerReferences: true));

    [Fact]
    public void A_measured_cell_becomes_one_lambda_with_its_usings_hoisted_and_its_value_returned()
    {
        var code = MeasuredCellCode.Build(Parse("#!measure", "#!measure\nusing System.Text;\nvar b = new StringBuilder();\nb.Length"), 7, returnTrailingValue: true);

        Assert.Equal(
            "#line 2\nusing System.Text;\n"
            + "await global::ConcurrencyLab.Interactive.Cells.CellHooks.Measure(7, () =>\n{\n#line 2\n"
            + "                  \nvar b = new StringBuilder();\nreturn b.Length;\n#line default\n});\n",
            code);
    }

    [Fact]
    public void A_cell_with_a_top_level_await_becomes_an_async_lambda()
    {
        var code = MeasuredCellCode.Build(Parse("#!measure", "#!measure\nawait Task.Delay(1);"), 3, returnTrailingValue: true);

        Assert.Contains("Measure(3, async () =>", code);
    }

    [Fact]
    public void A_recorded_cell_begins_before_its_first_statement_and_ends_around_its_value_keeping_line_numbers()
    {
        var code = RecordedCellCode.Build(Parse("#!timeline", "#!timeline\nusing System.Threading;\nThread.Sleep(1);\n42"), "Begin();", 5, autoSpans: false);

        Assert.Equal(
            "#line 2\nusing System.Threading;\nBegin();\n#line 3\nThread.Sleep(1);\n"
            + "global::ConcurrencyLab.Interactive.Cells.CellHooks.End(5, () => 42)",
            code);
    }

    [Fact]
    public void A_cell_that_is_only_a_value_begins_before_it_and_passes_it_through()
    {
        var code = RecordedCellCode.Build(Parse("#!timeline", "#!timeline\n1"), "Begin();", 4, autoSpans: false);

        Assert.Equal("#line 2\nBegin();\n#line 2\nglobal::ConcurrencyLab.Interactive.Cells.CellHooks.End(4, () => 1)", code);
    }

    [Fact]
    public void Lambdas_given_to_thread_starting_apis_get_a_span_and_others_do_not()
    {
        var cell = "#!timeline\nvar t = new Thread(() => Work());\nTask.Run(() => { Work(); });\nvar n = list.Select(x => x * 2);";
        var code = RecordedCellCode.Build(Parse("#!timeline", cell), "Begin();", 9, autoSpans: true);

        Assert.Contains("new Thread(() => global::ConcurrencyLab.Interactive.Cells.CellHooks.InSpan(9, \"new Thread (line 2)\", () => Work()))", code);
        Assert.Contains("Task.Run(() => { using var __cellSpan1 = global::ConcurrencyLab.Interactive.Cells.CellHooks.Span(9, \"Task.Run (line 3)\"); Work(); })", code);
        Assert.Contains("list.Select(x => x * 2)", code);
    }
}
