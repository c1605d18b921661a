using System.Xml.Linq;
using ConcurrencyLab.Rendering;
using ConcurrencyLab.Tables;
using Microsoft.DotNet.Interactive.Formatting;

namespace ConcurrencyLab.Tests.Tables;

public sealed class TableTests
{
    private sealed record Run(string Approach, int Threads, double Seconds);

    [Fact]
    public void Columns_are_the_public_properties_in_declaration_order()
    {
        var table = Table.From(new[] { new { Name = "lock", Calls = 3, Mean = 12.34567 }, new { Name = "Interlocked", Calls = 10, Mean = 1500.25 } });

        Assert.Equal(new[] { "Name", "Calls", "Mean" }, table.Headers);
        Assert.Equal(new[] { "lock", "3", "12.346" }, table.Rows[0]);
        Assert.Equal(new[] { "Interlocked", "10", "1,500.3" }, table.Rows[1]);
    }

    [Fact]
    public void Records_and_tuples_make_columns_too()
    {
        Assert.Equal(new[] { "Approach", "Threads", "Seconds" }, Table.From(new[] { new Run("async", 4, 0.5) }).Headers);
        Assert.Equal(new[] { "Item1", "Item2" }, Table.From(new[] { (1, "a") }).Headers);
    }

    [Fact]
    public void Text_is_aligned_with_numbers_right_and_words_left()
    {
        var text = Table.From(new[] { new Run("sequential", 1, 1.5), new Run("async", 16, 0.1) }).ToString();

        var lines = text.Split('\n');
        Assert.Equal("| Approach   | Threads | Seconds |", lines[0].TrimEnd());
        Assert.Equal("|:-----------|--------:|--------:|", lines[1].TrimEnd());
        Assert.Equal("| async      |      16 |     0.1 |", lines[3].TrimEnd());
    }

    [Fact]
    public void Html_is_a_plain_well_formed_table_with_escaped_cells()
    {
        var html = Table.From(new[] { new { Label = "<script>x</script>", Value = 1 } }).ToHtml();

        var table = XElement.Parse(html);
        Assert.Equal("table", table.Name.LocalName);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Equal(new[] { "Label", "Value" }, table.Descendants("th").Select(th => th.Value));
    }

    [Fact]
    public void Formats_through_the_Formatting_package_as_html_then_text()
    {
        var table = Table.Of(new[] { "a", "b" }, new[] { new object?[] { "x", null } });

        Assert.Equal(new[] { ChartMimeTypes.Html, ChartMimeTypes.PlainText }, Formatter.GetPreferredMimeTypesFor(typeof(Table)));
        Assert.Equal(table.ToHtml(), Formatter.ToDisplayString(table, ChartMimeTypes.Html));
        Assert.Equal(table.ToString(), Formatter.ToDisplayString(table, ChartMimeTypes.PlainText));
    }

    [Fact]
    public void Bad_shapes_are_rejected_with_the_reason()
    {
        var ragged = Assert.Throws<ArgumentException>(() => Table.Of(new[] { "a", "b" }, new[] { new object?[] { 1 } }));
        Assert.Contains("row 0 has 1 cells but there are 2 headers", ragged.Message);
        var empty = Assert.Throws<ArgumentException>(() => Table.From(new[] { new object() }));
        Assert.Contains("no public properties or fields", empty.Message);
    }
}
