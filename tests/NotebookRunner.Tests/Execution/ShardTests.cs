using NotebookRunner.Execution;

namespace NotebookRunner.Tests.Execution;

public sealed class ShardTests
{
    private static readonly NotebookJob[] Series = [.. Enumerable.Range(0, 13).Select(i => new NotebookJob($"/n/{i:00}.ipynb", $"{i:00}.ipynb"))];

    [Fact]
    public void The_parts_cover_every_notebook_once_and_differ_in_size_by_one_at_most()
    {
        var parts = Enumerable.Range(1, 4).Select(i => new Shard(i, 4).Select(Series)).ToList();

        Assert.Equal(Series.Select(j => j.Name).Order(), parts.SelectMany(p => p).Select(j => j.Name).Order());
        Assert.True(parts.Max(p => p.Count) - parts.Min(p => p.Count) <= 1);
    }

    [Fact]
    public void The_split_does_not_depend_on_the_order_the_files_were_found_in()
    {
        var shuffled = Series.Reverse().ToArray();
        for (var i = 1; i <= 3; i++)
            Assert.Equal(new Shard(i, 3).Select(Series).Select(j => j.Name).Order(), new Shard(i, 3).Select(shuffled).Select(j => j.Name).Order());
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/5", 2, 5)]
    public void Parse_reads_i_of_n(string text, int index, int count) => Assert.Equal(new Shard(index, count), Shard.Parse(text));

    [Theory]
    [InlineData("0/1")]
    [InlineData("2/1")]
    [InlineData("1/0")]
    [InlineData("-1/2")]
    [InlineData("1/2/3")]
    [InlineData("")]
    public void Parse_rejects_anything_else(string text) => Assert.Contains("i/n", Assert.Throws<FormatException>(() => Shard.Parse(text)).Message);
}
