using NotebookRunner.Engine;

namespace NotebookRunner.Tests.Engine;

/// <summary>These restore from the configured NuGet source, as a notebook's #r "nuget:" does.</summary>
public sealed class PackageRestoreTests
{
    private static readonly string Cache = Path.Combine(Path.GetTempPath(), "nbrun-test-packages");

    [Fact]
    public async Task A_nuget_reference_is_restored_and_usable_in_the_same_cell()
    {
        var session = new CSharpSession(new SessionOptions { PackageCacheDirectory = Cache });
        var sink = new RecordingSink();
        await session.ExecuteAsync("#r \"nuget: Newtonsoft.Json, 13.0.1\"\nConsole.Write(Newtonsoft.Json.JsonConvert.SerializeObject(new { a = 1 }));", sink, TestContext.Current.CancellationToken);
        Assert.Null(sink.Error);
        Assert.Equal("{\"a\":1}", sink.Stdout);
        Assert.Contains(sink.Displays, d => d.Values.Any(v => v.Value.Contains("Installed Packages") && v.Value.Contains("Newtonsoft.Json, 13.0.1")));
    }

    [Fact]
    public async Task A_package_the_source_lacks_gives_a_restore_error_naming_it()
    {
        var session = new CSharpSession(new SessionOptions { PackageCacheDirectory = Cache });
        var sink = new RecordingSink();
        await session.ExecuteAsync("#r \"nuget: NoSuch.Package.For.Nbrun.Tests, 1.0.0\"\n1", sink, TestContext.Current.CancellationToken);
        var error = Assert.IsType<ErrorEvent>(sink.Error);
        Assert.Equal(CellErrorKind.Restore, error.Kind);
        Assert.Contains("NoSuch.Package.For.Nbrun.Tests", error.Message);
    }

    [Fact]
    public async Task Asking_for_another_version_of_an_added_package_is_an_error()
    {
        var session = new CSharpSession(new SessionOptions { PackageCacheDirectory = Cache });
        await session.ExecuteAsync("#r \"nuget: Newtonsoft.Json, 13.0.1\"", new RecordingSink(), TestContext.Current.CancellationToken);
        var sink = new RecordingSink();
        await session.ExecuteAsync("#r \"nuget: Newtonsoft.Json, 12.0.1\"", sink, TestContext.Current.CancellationToken);
        Assert.Contains("cannot be added because version 13.0.1 was added previously", sink.Error!.Message);
    }
}
