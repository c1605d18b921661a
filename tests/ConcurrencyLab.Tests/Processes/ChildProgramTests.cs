using System.Runtime.InteropServices;
using ConcurrencyLab.Processes;

namespace ConcurrencyLab.Tests.Processes;

public sealed class ChildProgramTests
{
    // One program with several behaviours, so the suite pays for one build (cached by content afterwards).
    private static readonly ChildProgram Modes = ChildProgram.FromSource("modes", """
        switch (args[0])
        {
            case "echo":
                Console.WriteLine(string.Join("|", args.Skip(1)));
                Console.Error.WriteLine("to stderr");
                return 3;
            case "hang":
                new Thread(() => Thread.Sleep(Timeout.Infinite)) { IsBackground = false }.Start();
                return 0;
            case "crash":
                var worker = new Thread(() => throw new InvalidOperationException("thrown on a worker"));
                worker.Start();
                worker.Join();
                return 0;
            default:
                return 99;
        }
        """);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Runs_the_program_with_arguments_and_captures_its_output_and_exit_code()
    {
        var run = await Modes.RunAsync(new[] { "echo", "a b", "c" }, TimeSpan.FromMinutes(2), Cancel);

        Assert.Equal(ChildOutcome.Exited, run.Outcome);
        Assert.Equal(3, run.ExitCode);
        Assert.False(run.Succeeded);
        Assert.Equal("a b|c", run.StandardOutput.Trim());
        Assert.Equal("to stderr", run.StandardError.Trim());
        Assert.Contains("modes echo a b c: exited with code 3", run.ToString());
    }

    [Fact]
    public async Task Kills_a_program_that_outlives_its_timeout()
    {
        await Modes.BuildAsync(Cancel);

        var run = await Modes.RunAsync(new[] { "hang" }, TimeSpan.FromSeconds(1), Cancel);

        Assert.Equal(ChildOutcome.TimedOut, run.Outcome);
        Assert.Null(run.ExitCode);
        Assert.Contains("was still running after 1.00 s and was killed", run.Summary);
    }

    [Fact]
    public async Task Reports_an_unhandled_exception_on_a_thread_as_the_process_dying()
    {
        var run = await Modes.RunAsync(new[] { "crash" }, TimeSpan.FromMinutes(2), Cancel);

        Assert.Contains("InvalidOperationException: thrown on a worker", run.StandardError);
        Assert.Contains("modes.cs", run.StandardError);
        Assert.DoesNotContain(ChildProgram.CacheRoot, run.StandardError);
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            Assert.Equal(ChildOutcome.Killed, run.Outcome);
            Assert.Equal(134, run.ExitCode);
            Assert.Contains("SIGABRT", run.Summary);
        }
    }

    [Fact]
    public async Task A_compile_error_throws_naming_the_program_and_the_line()
    {
        var broken = ChildProgram.FromSource("broken", "int x = \"text\";\n");

        var thrown = await Assert.ThrowsAsync<ChildProgramBuildException>(() => broken.RunAsync(cancellationToken: Cancel));

        Assert.Equal("broken", thrown.ProgramName);
        Assert.Contains(thrown.Errors, line => line.Contains("broken.cs(1,9)") && line.Contains("CS0029"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1st")]
    [InlineData("has space")]
    [InlineData("../escape")]
    public void Rejects_names_that_are_not_plain_identifiers(string name)
    {
        var thrown = Assert.Throws<ArgumentException>(() => ChildProgram.FromSource(name, "return;"));
        Assert.Equal("name", thrown.ParamName);
    }

    [Fact]
    public void Rejects_empty_source_and_missing_files_naming_them()
    {
        Assert.Contains("'empty'", Assert.Throws<ArgumentException>(() => ChildProgram.FromSource("empty", "  ")).Message);
        var missing = Path.Combine(Path.GetTempPath(), "no-such-program-" + Guid.NewGuid().ToString("N") + ".cs");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => ChildProgram.FromFile(missing)).Message);
    }

    [Fact]
    public async Task Rejects_a_timeout_that_is_not_positive()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Modes.RunAsync(new[] { "echo" }, TimeSpan.Zero, Cancel));
    }
}
