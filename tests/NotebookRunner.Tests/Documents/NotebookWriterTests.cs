using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using Xunit;

namespace NotebookRunner.Tests.Documents;

public sealed class NotebookWriterTests
{
    [Fact]
    public void A_new_notebook_has_the_polyglot_layout()
    {
        var nb = Notebook.CreateNew();
        nb.Cells.Add(NotebookCell.Markdown("# Title"));
        nb.Cells.Add(NotebookCell.Code("1 + 1"));
        nb.Cells[0].Id = "md-1";
        nb.Cells[1].Id = "code-1";

        var expected = """
            {
             "cells": [
              {
               "cell_type": "markdown",
               "id": "md-1",
               "metadata": {},
               "source": [
                "# Title"
               ]
              },
              {
               "cell_type": "code",
               "execution_count": null,
               "id": "code-1",
               "metadata": {
                "polyglot_notebook": {
                 "kernelName": "csharp"
                }
               },
               "outputs": [],
               "source": [
                "1 + 1"
               ]
              }
             ],
             "metadata": {
              "kernelspec": {
               "display_name": ".NET (C#)",
               "language": "C#",
               "name": ".net-csharp"
              },
              "language_info": {
               "file_extension": ".cs",
               "mimetype": "text/x-csharp",
               "name": "polyglot-notebook",
               "pygments_lexer": "csharp"
              },
              "polyglot_notebook": {
               "kernelInfo": {
                "defaultKernelName": "csharp",
                "items": [
                 {
                  "aliases": [],
                  "name": "csharp"
                 }
                ]
               }
              }
             },
             "nbformat": 4,
             "nbformat_minor": 5
            }

            """;
        NbformatReferenceTests.AssertSameText(expected, NotebookWriter.Serialize(nb));
    }

    [Fact]
    public void Empty_source_is_an_empty_array_as_nbformat_split_lines_gives()
    {
        var nb = new Notebook();
        nb.Cells.Add(new NotebookCell("raw", "") { Id = "r" });

        Assert.Contains("\"source\": []", NotebookWriter.Serialize(nb));
    }

    [Fact]
    public void Always_writes_nbformat_4_5()
    {
        var nb = new Notebook { NbFormatMinor = 2 };

        var written = NotebookWriter.Serialize(nb);

        Assert.Contains("\"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n", written);
        Assert.Contains("\"cells\": [],", written);
    }

    [Fact]
    public void Output_text_has_crlf_and_lone_cr_normalised_but_source_does_not()
    {
        var cell = NotebookCell.Code("a\r\nb");
        cell.Id = "c";
        cell.ExecutionCount = 1;
        cell.Outputs.Add(new StreamOutput("stdout", "one\r\ntwo\rthree"));
        var bundle = new MimeBundle();
        bundle.SetText("text/plain", "x\r\ny");
        cell.Outputs.Add(new ExecuteResultOutput(bundle, 1));
        cell.Outputs.Add(new ErrorOutput("E", "line1\r\nline2", ["t\r\n"]));
        var nb = new Notebook();
        nb.Cells.Add(cell);

        var reread = NotebookReader.Parse(NotebookWriter.Serialize(nb), "x");

        var outputs = reread.Cells[0].Outputs;
        Assert.Equal("a\r\nb", reread.Cells[0].Source);
        Assert.Equal("one\ntwo\nthree", ((StreamOutput)outputs[0]).Text);
        Assert.True(((ExecuteResultOutput)outputs[1]).Data.TryGetText("text/plain", out var text));
        Assert.Equal("x\ny", text);
        Assert.Equal("line1\nline2", ((ErrorOutput)outputs[2]).EValue);
        Assert.Equal(["t\n"], ((ErrorOutput)outputs[2]).Traceback);
    }

    [Fact]
    public void Output_shapes_follow_the_schema()
    {
        var cell = NotebookCell.Code("x");
        cell.ExecutionCount = 7;
        var display = new MimeBundle();
        display.SetText("text/plain", "d");
        cell.Outputs.Add(new DisplayDataOutput(display));
        cell.Outputs.Add(new ExecuteResultOutput(new MimeBundle(), null));
        var nb = new Notebook();
        nb.Cells.Add(cell);

        var json = JsonNode.Parse(NotebookWriter.Serialize(nb))!;

        var outputs = json["cells"]![0]!["outputs"]!.AsArray();
        Assert.Equal(["data", "metadata", "output_type"], outputs[0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["data", "execution_count", "metadata", "output_type"], outputs[1]!.AsObject().Select(p => p.Key));
        Assert.Null(outputs[1]!["execution_count"]);
        Assert.Equal(7, json["cells"]![0]!["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void Mime_values_are_split_only_for_text_like_types_and_written_in_mime_order()
    {
        var bundle = new MimeBundle();
        bundle.SetText("text/plain", "a\nb");
        bundle.SetText("image/png", "QUJD\nREVG");
        bundle.SetText("image/svg+xml", "<svg>\n</svg>");
        bundle.SetText("application/javascript", "x;\ny;");
        bundle.SetFormatted("application/json", """{"b": 1.50, "a": [1e3]}""");
        bundle.SetFormatted("application/vnd.plotly.v1+json", "not json");
        var cell = NotebookCell.Code("");
        cell.Outputs.Add(new DisplayDataOutput(bundle));
        var nb = new Notebook();
        nb.Cells.Add(cell);

        var data = JsonNode.Parse(NotebookWriter.Serialize(nb))!["cells"]![0]!["outputs"]![0]!["data"]!.AsObject();

        Assert.Equal(
            ["application/javascript", "application/json", "application/vnd.plotly.v1+json", "image/png", "image/svg+xml", "text/plain"],
            data.Select(p => p.Key));
        Assert.IsType<JsonArray>(data["text/plain"]);
        Assert.IsType<JsonArray>(data["image/svg+xml"]);
        Assert.IsType<JsonArray>(data["application/javascript"]);
        Assert.Equal("QUJD\nREVG", data["image/png"]!.GetValue<string>());
        // Keys inside JSON values are sorted too (json.dumps sort_keys); numbers keep their text.
        Assert.Equal("""{"a":[1e3],"b":1.50}""", data["application/json"]!.ToJsonString());
        Assert.Equal("not json", data["application/vnd.plotly.v1+json"]!.GetValue<string>());
    }

    [Fact]
    public void Numbers_keep_their_original_text_and_new_numbers_are_python_formatted()
    {
        var nb = NotebookReader.Parse("""{"nbformat": 4, "nbformat_minor": 5, "metadata": {"a": 1.50, "b": 1E5, "c": -0, "d": 12345678901234567890123}, "cells": []}""", "x");
        nb.Metadata["e"] = 3.0;
        nb.Metadata["f"] = 1e-7;
        nb.Metadata["g"] = 42;
        nb.Metadata["h"] = 0.1f;

        var written = NotebookWriter.Serialize(nb);

        Assert.Contains("\"a\": 1.50,", written);
        Assert.Contains("\"b\": 1E5,", written);
        Assert.Contains("\"c\": -0,", written);
        Assert.Contains("\"d\": 12345678901234567890123,", written);
        Assert.Contains("\"e\": 3.0,", written);
        Assert.Contains("\"f\": 1e-07,", written);
        Assert.Contains("\"g\": 42,", written);
        Assert.Contains("\"h\": 0.1\n", written);
    }

    [Fact]
    public void Strings_are_escaped_as_python_json_with_ensure_ascii_false()
    {
        var nb = new Notebook();
        nb.Metadata["s"] = "\"\\\n\r\t\b\f\u0001\u001f\u007f é 😀 <>&/ \u2028";
        nb.Metadata["lone"] = "\ud800x";

        var written = NotebookWriter.Serialize(nb);

        Assert.Contains("\"s\": \"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f\u007f é 😀 <>&/ \u2028\"", written);
        Assert.Contains("\"lone\": \"\\ud800x\"", written);
    }

    [Fact]
    public void Only_lone_surrogates_are_escaped()
    {
        // A Fact, not InlineData: theory arguments are serialised as UTF-8, which mangles lone surrogates.
        (string Value, string Literal)[] cases =
        [
            ("\ud83d\ude00", "\ud83d\ude00"),
            ("\ude00\ud83d", "\\ude00\\ud83d"),
            ("\ud83d\ud83d\ude00", "\\ud83d\ud83d\ude00"),
            ("\ud83d\ude00\ude00", "\ud83d\ude00\\ude00"),
        ];
        foreach (var (value, literal) in cases)
        {
            var nb = new Notebook();
            nb.Metadata["s"] = value;

            Assert.Contains($"\"s\": \"{literal}\"", NotebookWriter.Serialize(nb));
        }
    }

    [Fact]
    public void Keys_are_sorted_by_code_point_not_utf16_unit()
    {
        var nb = new Notebook();
        nb.Metadata["\uff01"] = 1;      // U+FF01 sorts before U+1F600 by code point, after it by UTF-16 unit
        nb.Metadata["\U0001F600"] = 2;
        nb.Metadata["a"] = 3;

        var written = NotebookWriter.Serialize(nb);

        Assert.True(written.IndexOf("\"a\"", StringComparison.Ordinal) < written.IndexOf("\uff01", StringComparison.Ordinal));
        Assert.True(written.IndexOf("\uff01", StringComparison.Ordinal) < written.IndexOf("\U0001F600", StringComparison.Ordinal));
    }

    [Fact]
    public void Transient_keys_are_stripped_without_touching_the_model()
    {
        var nb = NotebookReader.Parse("""
            {"nbformat": 4, "nbformat_minor": 4, "metadata": {"orig_nbformat": 3, "orig_nbformat_minor": 1, "signature": "s", "keep": 1},
             "cells": [{"cell_type": "code", "id": "a", "metadata": {"trusted": true, "keep": 2}}]}
            """, "x");

        var written = NotebookWriter.Serialize(nb);

        Assert.DoesNotContain("orig_nbformat", written);
        Assert.DoesNotContain("signature", written);
        Assert.DoesNotContain("trusted", written);
        Assert.Contains("\"keep\": 1", written);
        Assert.Contains("\"keep\": 2", written);
        Assert.True(nb.Metadata.ContainsKey("signature"));
    }

    [Fact]
    public void Invalid_and_duplicate_ids_are_repaired_on_write()
    {
        var nb = new Notebook();
        nb.Cells.Add(new NotebookCell("code", "") { Id = "dup" });
        nb.Cells.Add(new NotebookCell("code", "") { Id = "dup" });
        nb.Cells.Add(new NotebookCell("code", "") { Id = "bad id!" });
        nb.Cells.Add(new NotebookCell("code", "") { Id = new string('x', 65) });

        var reread = NotebookReader.Parse(NotebookWriter.Serialize(nb), "x");

        Assert.Equal("dup", reread.Cells[0].Id);
        Assert.All(reread.Cells.Skip(1), c => Assert.Matches("^[0-9a-f]{8}$", c.Id));
        Assert.Equal(4, reread.Cells.Select(c => c.Id).Distinct().Count());
        Assert.Equal(nb.Cells.Select(c => c.Id), reread.Cells.Select(c => c.Id));
    }

    [Fact]
    public void Attachments_and_unknown_cell_types_survive()
    {
        var nb = NotebookReader.Parse("""
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
              {"cell_type": "markdown", "id": "m", "metadata": {}, "source": "![x](attachment:x.png)",
               "attachments": {"x.png": {"image/png": ["QUJD\n", "REVG"], "text/plain": "a\nb"}}},
              {"cell_type": "sql", "id": "s", "metadata": {}, "source": "select 1", "outputs": [1], "whatever": "kept"}
            ]}
            """, "x");

        var json = JsonNode.Parse(NotebookWriter.Serialize(nb))!;

        var attachment = json["cells"]![0]!["attachments"]!["x.png"]!;
        Assert.Equal("QUJD\nREVG", attachment["image/png"]!.GetValue<string>());
        Assert.Equal("""["a\n","b"]""", attachment["text/plain"]!.ToJsonString());
        Assert.Equal("sql", json["cells"]![1]!["cell_type"]!.GetValue<string>());
        Assert.Equal("kept", json["cells"]![1]!["whatever"]!.GetValue<string>());
        Assert.Equal("[1]", json["cells"]![1]!["outputs"]!.ToJsonString());
    }

    [Fact]
    public void Clone_is_deep()
    {
        var nb = NotebookReader.Read(TestFiles.Path("nbformat", "jupyter-executed.ipynb"));
        var before = NotebookWriter.Serialize(nb);

        var copy = nb.Clone();
        copy.Metadata["kernelspec"]!["name"] = "changed";
        copy.Cells[1].Metadata["tags"]!.AsArray().Add("new");
        ((StreamOutput)copy.Cells[1].Outputs[0]).Text = "changed";
        ((DisplayDataOutput)copy.Cells[2].Outputs[1]).Data.SetText("text/plain", "changed");
        copy.Cells[0].ExtraProperties.Remove("attachments");
        copy.Cells.RemoveAt(3);

        Assert.Equal(before, NotebookWriter.Serialize(nb));
        Assert.NotEqual(before, NotebookWriter.Serialize(copy));
    }

    [Fact]
    public void Unsupported_output_classes_fail_loudly()
    {
        var nb = new Notebook();
        var cell = NotebookCell.Code("");
        cell.Outputs.Add(new CustomOutput());
        nb.Cells.Add(cell);

        Assert.Throws<NotSupportedException>(() => NotebookWriter.Serialize(nb));
    }

    private sealed class CustomOutput : CellOutput
    {
        public override string OutputType => "custom";

        public override CellOutput Clone() => this;
    }
}
