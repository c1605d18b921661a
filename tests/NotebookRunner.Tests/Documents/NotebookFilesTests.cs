using NotebookRunner.Documents;
using Xunit;

namespace NotebookRunner.Tests.Documents;

public sealed class NotebookFilesTests
{
    [Theory]
    [InlineData("notes.dib", "notes.ipynb")]
    [InlineData("NOTES.DIB", "NOTES.ipynb")]
    [InlineData("/work/lessons/01 threads.dib", "/work/lessons/01 threads.ipynb")]
    [InlineData("lessons/intro.ipynb", "lessons/intro.ipynb")]
    [InlineData("my.dib.ipynb", "my.dib.ipynb")]
    public void A_dib_is_executed_into_the_ipynb_beside_it_and_an_ipynb_into_itself(string input, string expected)
    {
        Assert.Equal(expected, NotebookFiles.ExecutedPath(input));
    }

    [Theory]
    [InlineData("a.ipynb", true, false)]
    [InlineData("a.IPYNB", true, false)]
    [InlineData("a.dib", true, true)]
    [InlineData("a.Dib", true, true)]
    [InlineData("a.txt", false, false)]
    [InlineData("dib", false, false)]
    public void Notebook_files_are_recognised_by_extension(string path, bool isNotebook, bool isDib)
    {
        Assert.Equal((isNotebook, isDib), (NotebookFiles.IsNotebook(path), NotebookFiles.IsDib(path)));
        Assert.Equal([".ipynb", ".dib"], NotebookFiles.Extensions);
    }
}
