using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NotebookRunner.Engine;

namespace NotebookRunner.Tests.Engine;

public sealed class CSharpSessionTests
{
    private readonly CSharpSession _session = new(new SessionOptions { BaseDirectory = AppContext.BaseDirectory });

    private async Task<RecordingSink> Run(string code)
    {
        var sink = new RecordingSink();
        await _session.ExecuteAsync(code, sink, TestContext.Current.CancellationToken);
        return sink;
    }

    [Fact]
    public async Task State_flows_from_cell_to_cell()
    {
        await Run("var greeting = \"hello\"; record Point(int X, int Y);");
        var sink = await Run("Console.Write($\"{greeting} {new Point(1, 2)}\");");
        Assert.Equal("hello Point { X = 1, Y = 2 }", sink.Stdout);
    }

    [Fact]
    public async Task A_trailing_expression_is_a_result_in_its_preferred_mime_types_plus_plain_text()
    {
        var sink = await Run("1 + 41");
        var result = Assert.Single(sink.Displays);
        Assert.True(result.IsResult);
        Assert.Contains(result.Values, v => v.MimeType == "text/plain" && v.Value == "42");
        Assert.Contains(result.Values, v => v.MimeType == "text/html" && v.Value.Contains("42"));
    }

    [Fact]
    public async Task A_statement_or_void_call_produces_no_result()
    {
        Assert.Empty((await Run("var x = 3;")).Displays);
        Assert.Empty((await Run("Console.WriteLine(\"x\")")).Displays);
    }

    [Fact]
    public async Task A_return_inside_a_local_function_in_a_nested_block_is_not_a_result()
    {
        var sink = await Run("if (true)\n{\n    string F() { return null; }\n    Console.Write(F() is null);\n}");
        Assert.Equal("True", sink.Stdout);
        Assert.Empty(sink.Displays);
    }

    [Fact]
    public async Task A_top_level_return_with_a_value_is_a_result()
    {
        var sink = await Run("if (DateTime.Now.Year > 2000) { return 5; }\nreturn 6;");
        Assert.Contains(Assert.Single(sink.Displays).Values, v => v.MimeType == "text/plain" && v.Value == "5");
    }

    [Fact]
    public async Task Display_and_the_Display_extension_publish_display_data_in_the_requested_mime_types()
    {
        var sink = await Run("display(\"a\", \"text/plain\"); new[] { 1, 2 }.Display(\"text/plain\"); 7.Display();");
        Assert.Equal(3, sink.Displays.Count);
        Assert.All(sink.Displays, d => Assert.False(d.IsResult));
        Assert.Equal([new FormattedValue("text/plain", "a")], sink.Displays[0].Values);
        Assert.Equal("text/plain", Assert.Single(sink.Displays[1].Values).MimeType);
        Assert.Contains(sink.Displays[2].Values, v => v.MimeType == "text/html");
    }

    [Fact]
    public async Task A_trailing_displayed_value_is_not_shown_twice()
    {
        var sink = await Run("display(5)");
        Assert.False(Assert.Single(sink.Displays).IsResult);
    }

    [Fact]
    public async Task Update_replaces_a_display_by_id()
    {
        var sink = await Run("var shown = display(1, \"text/plain\"); shown.Update(2);");
        Assert.Equal(2, sink.Displays.Count);
        Assert.Equal(sink.Displays[0].DisplayId, sink.Displays[1].DisplayId);
        Assert.True(sink.Displays[1].IsUpdate);
        Assert.Equal("2", sink.Displays[1].Values[0].Value);
    }

    [Fact]
    public async Task Custom_formatters_registered_in_a_cell_give_their_mime_types()
    {
        var sink = await Run("""
            using Microsoft.DotNet.Interactive.Formatting;
            class Chart { }
            Formatter.Register<Chart>(_ => "{\"data\":[1,2]}", "application/vnd.test+json");
            Formatter.SetPreferredMimeTypesFor(typeof(Chart), "application/vnd.test+json");
            new Chart()
            """);
        var values = Assert.Single(sink.Displays).Values;
        Assert.Equal("{\"data\":[1,2]}", values.Single(v => v.MimeType == "application/vnd.test+json").Value);
    }

    [Fact]
    public async Task Output_from_background_threads_is_captured_in_write_order()
    {
        var sink = await Run("""
            var gate = new object();
            var threads = Enumerable.Range(0, 4).Select(i => new System.Threading.Thread(() =>
            {
                for (var n = 0; n < 50; n++) lock (gate) Console.WriteLine($"t{i} {n}");
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Console.Error.WriteLine("done");
            """);
        var lines = sink.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(200, lines.Length);
        for (var i = 0; i < 4; i++)
        {
            var mine = lines.Where(l => l.StartsWith($"t{i} ", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, 50).Select(n => $"t{i} {n}"), mine);
        }
        Assert.Equal("done\n", sink.Stderr);
    }

    [Fact]
    public async Task The_hosts_own_console_output_is_not_captured_into_a_session()
    {
        var sink = await Run("1");
        var before = sink.Events.Count;
        Console.Out.Write("written by the host, outside any cell");
        Assert.Equal(before, sink.Events.Count);
    }

    [Fact]
    public async Task A_compile_error_names_each_diagnostic_with_line_and_column_and_keeps_the_state()
    {
        await Run("var kept = 1;");
        var sink = await Run("var a = 1;\nvar b = undefinedName;\nint c = \"text\";");
        var error = Assert.IsType<ErrorEvent>(sink.Error);
        Assert.Equal(CellErrorKind.Compilation, error.Kind);
        Assert.Equal("CompilationError", error.Name);
        Assert.Contains(error.Traceback, l => l.StartsWith("(2,9): error CS0103:", StringComparison.Ordinal));
        Assert.Contains(error.Traceback, l => l.StartsWith("(3,9): error CS0029:", StringComparison.Ordinal));
        Assert.Equal("1", (await Run("Console.Write(kept);")).Stdout);
    }

    [Fact]
    public async Task A_runtime_exception_is_an_error_named_by_its_type_and_earlier_assignments_survive()
    {
        var sink = await Run("var before = 5; Console.WriteLine(\"partial\"); throw new InvalidOperationException(\"boom\");");
        var error = Assert.IsType<ErrorEvent>(sink.Error);
        Assert.Equal("System.InvalidOperationException", error.Name);
        Assert.Equal("boom", error.Message);
        Assert.StartsWith("System.InvalidOperationException: boom", error.Traceback[0]);
        Assert.Equal("partial\n", sink.Stdout);
        Assert.Equal("5", (await Run("Console.Write(before);")).Stdout);
    }

    [Fact]
    public async Task Time_magic_reports_wall_time_after_the_cells_outputs()
    {
        var sink = await Run("#!time\nConsole.WriteLine(\"work\");\n1");
        Assert.Equal(2, sink.Displays.Count);
        Assert.True(sink.Displays[0].IsResult);
        Assert.Matches(@"^Wall time: \d+(\.\d+)?ms$", sink.Displays[1].Values.Single().Value);
        Assert.IsType<StreamEvent>(sink.Events[0]);
    }

    [Theory]
    [InlineData("#!csharp")]
    [InlineData("#!c#")]
    [InlineData("#!C#")]
    [InlineData("#!cs")]
    public async Task A_leading_csharp_kernel_line_is_a_no_op(string magic)
    {
        var sink = await Run($"{magic}\n6 * 7");
        Assert.Null(sink.Error);
        Assert.Contains(Assert.Single(sink.Displays).Values, v => v.Value == "42");
    }

    [Theory]
    [InlineData("#!fsharp", "kernel '#!fsharp' is not supported")]
    [InlineData("#!pwsh", "kernel '#!pwsh' is not supported")]
    [InlineData("#!whos", "unknown magic command '#!whos'")]
    public async Task Other_kernels_and_unknown_magics_are_errors_that_name_them(string magic, string expected)
    {
        var sink = await Run($"{magic}\nprintfn \"hi\"");
        var error = Assert.IsType<ErrorEvent>(sink.Error);
        Assert.Equal(CellErrorKind.Directive, error.Kind);
        Assert.Contains(expected, error.Message);
        Assert.Contains("#!csharp", error.Message);
    }

    [Fact]
    public async Task Cells_reference_a_built_dll_by_a_relative_path_and_load_csx_files()
    {
        var folder = Directory.CreateTempSubdirectory("nbrun-ref-").FullName;
        var library = CSharpCompilation.Create("Greeter",
            [CSharpSyntaxTree.ParseText("namespace Lib; public static class Greeter { public static string Hi(string n) => $\"hi {n}\"; }", cancellationToken: TestContext.Current.CancellationToken)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(Path.Combine(folder, "lib"));
        Assert.True(library.Emit(Path.Combine(folder, "lib", "Greeter.dll"), cancellationToken: TestContext.Current.CancellationToken).Success);
        await File.WriteAllTextAsync(Path.Combine(folder, "helpers.csx"), "static int Twice(int x) => 2 * x;", TestContext.Current.CancellationToken);

        var session = new CSharpSession(new SessionOptions { BaseDirectory = folder });
        var sink = new RecordingSink();
        await session.ExecuteAsync("#r \"lib/Greeter.dll\"\n#load \"helpers.csx\"\nConsole.Write(Lib.Greeter.Hi(\"there\") + Twice(21));", sink, TestContext.Current.CancellationToken);
        Assert.Null(sink.Error);
        Assert.Equal("hi there42", sink.Stdout);
    }

    [Fact]
    public async Task Cells_are_compiled_with_optimisations_unless_debug_is_asked_for()
    {
        const string probe = "class Probe { } typeof(Probe).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false).Cast<System.Diagnostics.DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled)";
        var release = await Run(probe);
        Assert.True(_session.Optimized);
        Assert.Contains(release.Displays[0].Values, v => v.MimeType == "text/plain" && v.Value == "False");

        var debugSession = new CSharpSession(new SessionOptions { Optimize = false });
        var debug = new RecordingSink();
        await debugSession.ExecuteAsync(probe, debug, TestContext.Current.CancellationToken);
        Assert.Contains(debug.Displays[0].Values, v => v.MimeType == "text/plain" && v.Value == "True");
    }

    [Fact]
    public async Task Framework_assemblies_beyond_the_script_defaults_are_referenced()
    {
        var sink = await Run("System.Threading.Channels.Channel.CreateBounded<int>(1) is not null && new System.Net.Http.HttpClient() is not null");
        Assert.Null(sink.Error);
    }

    [Fact]
    public async Task The_ASP_NET_Core_shared_framework_is_referenced_as_in_Polyglot()
    {
        var sink = await Run("typeof(Microsoft.Extensions.Hosting.BackgroundService).Name + \" \" + typeof(Microsoft.AspNetCore.Builder.WebApplication).Name");
        Assert.Null(sink.Error);
    }

    [Fact]
    public async Task A_type_that_exists_nowhere_is_still_reported_after_the_framework_retry()
    {
        await Run("var before = 1;");
        var sink = await Run("NoSuchType value = null;");

        Assert.NotNull(sink.Error);
        Assert.Contains("CS0246", sink.Error!.Message);
        Assert.Contains("NoSuchType", sink.Error.Message);
        Assert.Equal("1", (await Run("Console.Write(before);")).Stdout);
    }

    [Fact]
    public async Task ASP_NET_Core_types_resolve_in_a_later_cell_after_a_using_in_an_earlier_one()
    {
        await Run("using Microsoft.AspNetCore.Http;");
        var sink = await Run("Results.Text(\"x\") is not null");

        Assert.Null(sink.Error);
        Assert.Contains(Assert.Single(sink.Displays).Values, v => v.MimeType == "text/plain" && v.Value == "True");
    }

    [Fact]
    public async Task A_result_whose_formatter_throws_is_a_cell_error_naming_the_type_and_mime_type()
    {
        var sink = await Run("""
            class Broken { }
            Microsoft.DotNet.Interactive.Formatting.Formatter.Register<Broken>((_, _) => throw new InvalidOperationException("no way to show it"), "text/html");
            new Broken()
            """);

        Assert.NotNull(sink.Error);
        Assert.Contains("Broken", sink.Error!.Message);
        Assert.Contains("text/html", sink.Error.Message);
        Assert.Contains("no way to show it", sink.Error.Message);
        Assert.Equal("2", (await Run("Console.Write(1 + 1);")).Stdout);
    }
}
