using System.Globalization;
using System.Text.Json;
using NotebookRunner.Documents;
using Xunit;

namespace NotebookRunner.Tests.Documents;

/// <summary>
/// Compares our reader and writer with files written by Python's nbformat (TestData/nbformat/generate.py),
/// the reference implementation Jupyter uses.
/// </summary>
public sealed class NbformatReferenceTests
{
    public static TheoryData<string> NbformatWrittenFiles
    {
        get
        {
            var data = new TheoryData<string>(
                "jupyter-executed.ipynb",
                "vscode-polyglot.ipynb",
                "tricky-text.ipynb",
                "unknown-output.ipynb",
                "compact-expected.ipynb");

            // Randomised notebooks (text with every kind of line break and control character, nested metadata with floats).
            foreach (var file in Directory.GetFiles(TestFiles.Path("nbformat"), "random-*.ipynb").Order(StringComparer.Ordinal))
            {
                data.Add(System.IO.Path.GetFileName(file));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(NbformatWrittenFiles))]
    public void Read_then_serialize_reproduces_nbformat_bytes(string file)
    {
        var original = TestFiles.ReadText("nbformat", file);

        var written = NotebookWriter.Serialize(NotebookReader.Parse(original, file));

        AssertSameText(original, written);
    }

    [Fact]
    public void Serialize_matches_what_nbformat_makes_of_a_compact_notebook()
    {
        // Joined strings, transient metadata and `trusted` in the input; nbformat splits and strips them.
        var input = TestFiles.ReadText("nbformat", "compact-input.ipynb");
        var expected = TestFiles.ReadText("nbformat", "compact-expected.ipynb");

        var written = NotebookWriter.Serialize(NotebookReader.Parse(input, "compact-input.ipynb"));

        AssertSameText(expected, written);
    }

    [Theory]
    [InlineData("v4.0.ipynb", 0)]
    [InlineData("v4.2.ipynb", 2)]
    [InlineData("v4.4.ipynb", 4)]
    public void Older_minor_versions_are_read_and_written_as_4_5_with_ids(string file, int minor)
    {
        var notebook = NotebookReader.Read(TestFiles.Path("nbformat", file));

        Assert.Equal(minor, notebook.NbFormatMinor);
        Assert.Equal(2, notebook.Cells.Count);
        Assert.All(notebook.Cells, c => Assert.Matches("^[0-9a-f]{8}$", c.Id));
        Assert.Equal("2", Assert.IsType<ExecuteResultOutput>(Assert.Single(notebook.Cells[1].Outputs)).Data.TryGetText("text/plain", out var t) ? t : null);

        var written = NotebookWriter.Serialize(notebook);
        Assert.Contains("\"nbformat_minor\": 5", written);
        Assert.Equal(2, written.Split("\"id\": ").Length - 1);
    }

    [Fact]
    public void Doubles_are_formatted_like_python_repr()
    {
        var lines = TestFiles.ReadText("nbformat", "float-repr.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 500);
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            var value = BitConverter.Int64BitsToDouble(unchecked((long)ulong.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            Assert.Equal(parts[1], PythonJsonEmitter.FormatDouble(value));
        }
    }

    [Fact]
    public void Line_splitting_matches_python_splitlines_keepends()
    {
        using var cases = JsonDocument.Parse(TestFiles.ReadText("nbformat", "splitlines.json"));
        Assert.True(cases.RootElement.GetArrayLength() > 300);
        foreach (var testCase in cases.RootElement.EnumerateArray())
        {
            var input = testCase[0].GetString()!;
            var expected = testCase[1].EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Equal(expected, PythonText.SplitLinesKeepEnds(input));
        }
    }

    // A line-level diff points at the first differing line instead of dumping two whole files.
    internal static void AssertSameText(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Min(e.Length, a.Length); i++)
        {
            Assert.True(e[i] == a[i], $"line {i + 1} differs:\n expected: {e[i]}\n actual:   {a[i]}");
        }

        Assert.Equal(e.Length, a.Length);
        Assert.Equal(expected, actual);
    }
}
