using NotebookRunner.Documents;
using Xunit;

namespace NotebookRunner.Tests.Documents;

public sealed class AtomicWriteTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("nbwrite");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void WriteAtomic_replaces_the_file_and_leaves_no_temp_file()
    {
        var path = Path.Combine(_dir.FullName, "n.ipynb");
        File.WriteAllText(path, "old");
        var nb = Notebook.CreateNew();
        nb.Cells.Add(NotebookCell.Code("é"));

        NotebookWriter.WriteAtomic(nb, path);

        var bytes = File.ReadAllBytes(path);
        Assert.NotEqual(0xEF, bytes[0]); // no BOM, as nbformat writes
        Assert.Equal(NotebookWriter.Serialize(nb), File.ReadAllText(path));
        Assert.Equal(["n.ipynb"], _dir.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void A_failure_before_the_rename_leaves_the_original_intact_and_cleans_up()
    {
        var path = Path.Combine(_dir.FullName, "n.ipynb");
        File.WriteAllText(path, "original");
        string? seenTemp = null;

        Assert.Throws<IOException>(() => AtomicFile.WriteAllText(path, "new", temp =>
        {
            seenTemp = temp;
            throw new IOException("disk full (simulated)");
        }));

        Assert.Equal("original", File.ReadAllText(path));
        Assert.NotNull(seenTemp);
        Assert.Equal(_dir.FullName, Path.GetDirectoryName(seenTemp));
        Assert.False(File.Exists(seenTemp));
        Assert.Single(_dir.GetFiles());
    }

    [Fact]
    public void A_serialisation_failure_never_touches_the_target()
    {
        var path = Path.Combine(_dir.FullName, "n.ipynb");
        File.WriteAllText(path, "original");
        var nb = new Notebook();
        var cell = NotebookCell.Code("");
        cell.Outputs.Add(new BrokenOutput());
        nb.Cells.Add(cell);

        Assert.Throws<NotSupportedException>(() => NotebookWriter.WriteAtomic(nb, path));

        Assert.Equal("original", File.ReadAllText(path));
        Assert.Single(_dir.GetFiles());
    }

    [Fact]
    public void A_target_that_cannot_be_replaced_keeps_its_contents()
    {
        var path = Path.Combine(_dir.FullName, "is-a-directory.ipynb");
        Directory.CreateDirectory(path);

        Assert.ThrowsAny<IOException>(() => NotebookWriter.WriteAtomic(Notebook.CreateNew(), path));

        Assert.True(Directory.Exists(path));
        Assert.Empty(_dir.GetFiles());
    }

    private sealed class BrokenOutput : CellOutput
    {
        public override string OutputType => "broken";

        public override CellOutput Clone() => this;
    }
}
