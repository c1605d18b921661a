using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using NotebookRunner.Execution;
using NotebookRunner.Kernel;

namespace NotebookRunner.Tests.Kernel;

/// <summary>The event-to-output rules on synthetic events, including ones the kernel sends only now and then.</summary>
public sealed class CellOutputAssemblerTests
{
    private static KernelEvent Event(string type, string? valueId, params (string Mime, string Value, bool Suppress)[] values) => new(
        type, "cell-0", "SubmitCode",
        new JsonObject
        {
            ["formattedValues"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["mimeType"] = v.Mime, ["value"] = v.Value, ["suppressDisplay"] = v.Suppress })]),
            ["valueId"] = valueId,
        });

    private static KernelEvent Text(string type, string text) => Event(type, null, ("text/plain", text, false));

    [Fact]
    public void Consecutive_writes_to_a_stream_merge_and_a_write_to_the_other_stream_starts_a_new_output()
    {
        var outputs = new List<CellOutput>();
        var assembler = new CellOutputAssembler(outputs);

        assembler.Add(Text(KernelEventTypes.StandardOutputValueProduced, "a"));
        assembler.Add(Text(KernelEventTypes.StandardOutputValueProduced, "b\r\n"));
        assembler.Add(Text(KernelEventTypes.StandardErrorValueProduced, "e\n"));
        assembler.Add(Text(KernelEventTypes.StandardOutputValueProduced, "c"));

        Assert.Equal([("stdout", "ab\n"), ("stderr", "e\n"), ("stdout", "c")], outputs.Cast<StreamOutput>().Select(s => (s.Name, s.Text)));
    }

    [Fact]
    public void A_display_keeps_every_mime_type_but_those_marked_not_for_display()
    {
        var outputs = new List<CellOutput>();
        new CellOutputAssembler(outputs).Add(Event(KernelEventTypes.ReturnValueProduced, null,
            ("text/html", "<b>x</b>\r\n", false), ("text/plain", "x", false), ("application/json", "{\"a\":1}", true)));

        var display = Assert.IsType<DisplayDataOutput>(Assert.Single(outputs));
        Assert.Equal(["text/html", "text/plain"], display.Data.MimeTypes);
        Assert.True(display.Data.TryGetText("text/html", out var html) && html == "<b>x</b>\n");
    }

    [Fact]
    public void An_update_with_a_known_id_replaces_that_display()
    {
        var outputs = new List<CellOutput>();
        var assembler = new CellOutputAssembler(outputs);
        assembler.Add(Event(KernelEventTypes.DisplayedValueProduced, "one", ("text/plain", "first", false)));
        assembler.Add(Event(KernelEventTypes.DisplayedValueProduced, "two", ("text/plain", "second", false)));

        assembler.Add(Event(KernelEventTypes.DisplayedValueUpdated, "one", ("text/plain", "first, updated", false)));

        Assert.Equal(["first, updated", "second"], outputs.Cast<DisplayDataOutput>().Select(d => d.Data.TryGetText("text/plain", out var t) ? t : null));
    }

    [Fact]
    public void An_update_whose_id_no_display_carried_replaces_the_newest_unclaimed_display_of_the_same_mime_types()
    {
        var outputs = new List<CellOutput>();
        var assembler = new CellOutputAssembler(outputs);
        assembler.Add(Event(KernelEventTypes.DisplayedValueProduced, "p1", ("text/plain", "header", false)));
        assembler.Add(Event(KernelEventTypes.DisplayedValueProduced, "p2", ("text/plain", "0%", false)));
        assembler.Add(Event(KernelEventTypes.DisplayedValueProduced, "p3", ("text/html", "<svg/>", false)));

        assembler.Add(Event(KernelEventTypes.DisplayedValueUpdated, "u1", ("text/plain", "50%", false)));
        assembler.Add(Event(KernelEventTypes.DisplayedValueUpdated, "u1", ("text/plain", "100%", false)));

        Assert.Equal(["header", "100%", null], outputs.Cast<DisplayDataOutput>().Select(d => d.Data.TryGetText("text/plain", out var t) ? t : null));
    }

    [Fact]
    public void A_failure_is_an_error_output_named_Error_with_the_message_as_value_and_lines_as_traceback()
    {
        var outputs = new List<CellOutput>();
        new CellOutputAssembler(outputs).Fail("System.Exception: oops\r\n   at Submission#3.<Initialize>()");

        var error = Assert.IsType<ErrorOutput>(Assert.Single(outputs));
        Assert.Equal("Error", error.EName);
        Assert.Equal("System.Exception: oops\n   at Submission#3.<Initialize>()", error.EValue);
        Assert.Equal(["System.Exception: oops", "   at Submission#3.<Initialize>()"], error.Traceback);
    }

    [Fact]
    public void A_failure_that_repeats_the_error_a_nested_command_just_reported_is_not_shown_twice()
    {
        var outputs = new List<CellOutput>();
        var assembler = new CellOutputAssembler(outputs);
        var nested = new KernelEvent(KernelEventTypes.ErrorProduced, "cell-2.3", "SubmitCode", new JsonObject { ["message"] = "(3,5): error CS1525: Invalid expression term ';'" });

        assembler.Add(nested);
        var error = assembler.Fail("(3,5): error CS1525: Invalid expression term ';'");
        assembler.Fail("a different failure");

        Assert.Same(error, outputs[0]);
        Assert.Equal(["(3,5): error CS1525: Invalid expression term ';'", "a different failure"], outputs.Cast<ErrorOutput>().Select(e => e.EValue));
    }
}
