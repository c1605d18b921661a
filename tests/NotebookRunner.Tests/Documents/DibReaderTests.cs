using System.Text;
using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using Xunit;

namespace NotebookRunner.Tests.Documents;

/// <summary>Polyglot's .dib text format read into the notebook model (with Documents' CodeSubmission parser) and written as nbformat 4.5.</summary>
public sealed class DibReaderTests
{
    private static Notebook ReadDib(string file) => NotebookReader.Read(TestFiles.Path("dib", file));

    private static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";

    [Fact]
    public void A_dib_file_becomes_a_notebook_with_the_metadata_vs_code_writes()
    {
        var notebook = ReadDib("polyglot.dib");

        Assert.Equal(4, notebook.NbFormat);
        Assert.Equal(5, notebook.NbFormatMinor);
        Assert.Equal("""{"display_name":".NET (C#)","language":"C#","name":".net-csharp"}""", Json(notebook.Metadata["kernelspec"]));
        // Polyglot's own name, plus the lexer nbconvert needs to highlight the code.
        Assert.Equal("""{"file_extension":".cs","mimetype":"text/x-csharp","name":"polyglot-notebook","pygments_lexer":"csharp"}""", Json(notebook.Metadata["language_info"]));

        // The #!meta items as written, sorted by name as VS Code sorts them.
        Assert.Equal(
            """{"kernelInfo":{"defaultKernelName":"csharp","items":[""" +
            """{"aliases":[],"name":"csharp"},{"aliases":[],"name":"fsharp","languageName":"fsharp"},""" +
            """{"aliases":["js"],"name":"javascript","languageName":"JavaScript"},{"aliases":[],"name":"pwsh","languageName":"pwsh"}]}}""",
            Json(notebook.Metadata["polyglot_notebook"]));
        Assert.Equal("csharp", notebook.DefaultKernelName);
    }

    [Fact]
    public void Each_dib_cell_becomes_a_cell_with_its_kernel_in_polyglot_metadata()
    {
        var notebook = ReadDib("polyglot.dib");

        Assert.Equal(
            [
                ("markdown", null, "# Threads in three languages\n\nA *short* tour — café ☕."),
                ("code", "csharp", "using System.Threading;\nvar t = new Thread(() => Console.WriteLine(\"hi\"));\nt.Start(); t.Join();"),
                ("code", "fsharp", "let squares = [ for i in 1..3 -> i * i ]\nsquares"),
                ("code", "pwsh", "Get-Date"),
                ("code", "csharp", "#!time\nThread.Sleep(10);"),
                ("code", "javascript", "console.log(\"needs a browser\");"),
            ],
            notebook.Cells.Select(c => (c.CellType, c.KernelName, c.Source)));
        Assert.Equal("{}", Json(notebook.Cells[0].Metadata));
        Assert.Equal("""{"polyglot_notebook":{"kernelName":"fsharp"}}""", Json(notebook.Cells[2].Metadata));
        Assert.All(notebook.Cells, c => Assert.Empty(c.Outputs));
        Assert.All(notebook.Cells, c => Assert.Null(c.ExecutionCount));
        Assert.Equal(
            [null, "csharp", "fsharp", "pwsh", "csharp", "javascript"],
            notebook.Cells.Select(notebook.GetTargetKernelName));
    }

    [Fact]
    public void The_written_notebook_is_the_expected_file()
    {
        // polyglot.expected.ipynb was written by this reader and NotebookWriter, reviewed, and validated by nbformat below.
        var written = NotebookWriter.Serialize(ReadDib("polyglot.dib"));

        NbformatReferenceTests.AssertSameText(TestFiles.ReadText("dib", "polyglot.expected.ipynb"), written);
    }

    [Theory]
    [InlineData("polyglot.dib")]
    [InlineData("no-meta-crlf.dib")]
    [InlineData("fsharp-default.dib")]
    [InlineData("empty.dib")]
    public void Written_dib_notebooks_are_valid_nbformat_4_5(string file)
    {
        var (valid, report) = PythonNbformat.Validate(NotebookWriter.Serialize(ReadDib(file)));

        Assert.True(valid, report);
    }

    [Fact]
    public void Cell_ids_are_the_same_on_every_read_unique_and_kept_by_the_writer()
    {
        var first = ReadDib("polyglot.dib");
        var second = ReadDib("polyglot.dib");

        Assert.Equal(first.Cells.Select(c => c.Id), second.Cells.Select(c => c.Id));
        Assert.All(first.Cells, c => Assert.Matches("^[0-9a-f]{8}$", c.Id));
        Assert.Equal(NotebookWriter.Serialize(first), NotebookWriter.Serialize(second));
        Assert.Equal(first.Cells.Select(c => c.Id), NotebookReader.Parse(NotebookWriter.Serialize(first), "w.ipynb").Cells.Select(c => c.Id));
    }

    [Fact]
    public void Repeated_cells_get_distinct_ids_and_editing_a_cell_keeps_the_others_ids()
    {
        var original = NotebookReader.ParseDib("#!csharp\n\nx\n\n#!csharp\n\nx\n\n#!fsharp\n\nx\n\n#!markdown\n\nx\n\n#!csharp\n\ny", "r.dib");
        var edited = NotebookReader.ParseDib("#!csharp\n\nx\n\n#!csharp\n\nx\n\n#!fsharp\n\nx\n\n#!markdown\n\nx\n\n#!csharp\n\ny changed", "r.dib");

        Assert.Equal(5, original.Cells.Select(c => c.Id).Distinct().Count());
        Assert.Equal(original.Cells.Take(4).Select(c => c.Id), edited.Cells.Take(4).Select(c => c.Id));
        Assert.NotEqual(original.Cells[4].Id, edited.Cells[4].Id);
    }

    [Fact]
    public void Without_meta_cells_default_to_csharp_aliases_split_cells_and_crlf_is_normalised()
    {
        var notebook = ReadDib("no-meta-crlf.dib");

        // "#!powershell" starts a cell with nothing in it, which the format drops.
        Assert.Equal(
            [("code", "csharp", "var x = 1;"), ("code", "fsharp", "let y = 2"), ("markdown", null, "done"), ("code", "csharp", "x")],
            notebook.Cells.Select(c => (c.CellType, c.KernelName, c.Source)));

        // With no #!meta the items are the default kernel and the kernels the cells use, as the kernel describes them.
        Assert.Equal(
            """{"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":["c#","C#"],"name":"csharp","languageName":"C#"},{"aliases":["f#","F#"],"name":"fsharp","languageName":"F#"}]}}""",
            Json(notebook.Metadata["polyglot_notebook"]));
    }

    [Theory]
    [InlineData("fsharp", """{"display_name":".NET (F#)","language":"F#","name":".net-fsharp"}""")]
    [InlineData("pwsh", """{"display_name":".NET (PowerShell)","language":"PowerShell","name":".net-pwsh"}""")]
    [InlineData("csharp", """{"display_name":".NET (C#)","language":"C#","name":".net-csharp"}""")]
    [InlineData("html", """{"display_name":".NET (C#)","language":"C#","name":".net-csharp"}""")]
    public void The_kernelspec_follows_the_default_kernel_as_in_vs_code(string defaultKernel, string kernelspec)
    {
        var notebook = NotebookReader.ParseDib(
            $$$"""
            #!meta

            {"kernelInfo":{"defaultKernelName":"{{{defaultKernel}}}","items":[{"aliases":[],"name":"{{{defaultKernel}}}"}]}}

            #!{{{defaultKernel}}}

            1
            """,
            "k.dib");

        Assert.Equal(kernelspec, Json(notebook.Metadata["kernelspec"]));
        Assert.Equal(defaultKernel, notebook.DefaultKernelName);
        Assert.Equal(defaultKernel, notebook.Cells.Single().KernelName);
    }

    [Fact]
    public void A_default_kernel_given_by_alias_is_made_canonical()
    {
        var notebook = NotebookReader.ParseDib("#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"F#\"}}\n\n#!csharp\n\n1", "a.dib");

        Assert.Equal("fsharp", notebook.DefaultKernelName);
        Assert.Equal(".net-fsharp", notebook.Metadata["kernelspec"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void An_empty_dib_file_is_one_empty_csharp_cell_as_in_polyglot()
    {
        var notebook = ReadDib("empty.dib");

        var cell = Assert.Single(notebook.Cells);
        Assert.Equal(("code", "csharp", ""), (cell.CellType, cell.KernelName, cell.Source));
    }

    [Theory]
    [InlineData("#!meta\n\n{\"kernelInfo\": nope}\n\n#!csharp\n\n1", 3, "is an invalid JSON literal")]
    [InlineData("#!meta\r\n\r\n{\"kernelInfo\": x}\r\n\r\n#!csharp\r\n\r\n1", 3, "'x' is an invalid start of a value")]
    [InlineData("\n\n#!meta\n\n\n\n{\"kernelInfo\":\n\n  {bad}}\n\n#!csharp\n\n2", 9, "invalid start of a property name")]
    [InlineData("#!csharp\n\n1\n\n#!meta\n\n{bad\n\n#!csharp\n\n2", 7, "invalid start of a property name")]
    [InlineData("#!meta\n\n[1, 2]\n\n#!csharp\n\n1", 3, "could not be converted")]
    [InlineData("#!meta\n\n{\"kernelInfo\": 5}\n\n#!csharp\n\n1", 3, "expecting StartObject but found Number")]
    [InlineData("#!meta\n\n{\"kernelInfo\": {\"items\": {}}}\n\n#!csharp\n\n1", 3, "read too much or not enough")]
    [InlineData("#!meta\n\n{\"kernelInfo\": {\"items\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}}\n\n#!csharp\n\n1", 3, "'a' is already present")]
    [InlineData("#!meta\n\n{\"kernelInfo\": {\"items\": [{\"aliases\": []}]}}\n\n#!csharp\n\n1", 3, "name cannot be null")]
    [InlineData("#!meta\n\n#!csharp\n\n1", 1, "does not contain any JSON tokens")]
    [InlineData("#!meta\n\n{\"kernelInfo\": {}}\nlet x = 1\n\n#!csharp\n\n1", 4, "'l' is invalid after a single JSON value")]
    public void Invalid_meta_blocks_are_reported_with_file_and_line(string dib, int line, string reason)
    {
        var ex = Assert.Throws<NotebookFormatException>(() => NotebookReader.ParseDib(dib, "bad.dib"));

        Assert.Equal(line, ex.Line);
        Assert.Null(ex.JsonPath);
        Assert.StartsWith($"bad.dib: line {line}: invalid #!meta kernel information: ", ex.Message);
        Assert.Contains(reason, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData(".dib")]
    [InlineData(".ipynb")]
    public void Bytes_that_are_not_utf8_are_reported_with_their_line(string extension)
    {
        var dir = Directory.CreateTempSubdirectory("nbtext");
        try
        {
            // Windows-1252 "café" on line 3: 0xE9 is not UTF-8.
            var text = extension == ".dib"
                ? "#!markdown\n\ncaf\u00e9\n"
                : "{\"nbformat\": 4, \"metadata\": {},\n \"cells\": [],\n \"x\": \"caf\u00e9\"}";
            var path = Path.Combine(dir.FullName, "latin1" + extension);
            File.WriteAllBytes(path, Encoding.Latin1.GetBytes(text));

            var ex = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(path));

            Assert.Equal(3, ex.Line);
            Assert.Equal($"{path}: line 3: not valid UTF-8 (no byte order mark) text: bytes 0xE9 near column {text.Split('\n')[2].IndexOf('\u00e9') + 1} cannot be decoded; save the file as UTF-8", ex.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("utf-8 bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    public void Text_marked_with_a_byte_order_mark_is_decoded(string encodingName)
    {
        Encoding encoding = encodingName switch
        {
            "utf-8 bom" => new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            _ => new UTF32Encoding(false, true),
        };
        var dir = Directory.CreateTempSubdirectory("nbtext");
        try
        {
            var path = Path.Combine(dir.FullName, "marked.dib");
            File.WriteAllText(path, "#!fsharp\n\nlet café = \"☕ 😀\"\n", encoding);

            var cell = Assert.Single(NotebookReader.Read(path).Cells);

            Assert.Equal(("fsharp", "let café = \"☕ 😀\""), (cell.KernelName, cell.Source));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_lone_surrogate_in_utf16_is_reported_with_its_line()
    {
        var bytes = new UnicodeEncoding(false, true).GetPreamble()
            .Concat(Encoding.Unicode.GetBytes("#!csharp\n\nvar s = \""))
            .Concat(new byte[] { 0x00, 0xD8 })
            .Concat(Encoding.Unicode.GetBytes("\";\n"))
            .ToArray();

        var ex = Assert.Throws<NotebookFormatException>(() => NotebookText.Decode(bytes, "s.dib"));

        Assert.Equal(3, ex.Line);
        Assert.Contains("not valid marked UTF-16 text", ex.Message);
    }

    [Fact]
    public void Read_picks_the_format_by_extension_in_any_case()
    {
        var dir = Directory.CreateTempSubdirectory("nbdib");
        try
        {
            var path = Path.Combine(dir.FullName, "NOTES.DIB");
            File.WriteAllText(path, "#!pwsh\n\nGet-Date\n");

            Assert.Equal("pwsh", Assert.Single(NotebookReader.Read(path).Cells).KernelName);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
