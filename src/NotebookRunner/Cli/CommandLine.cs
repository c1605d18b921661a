using System.CommandLine;
using NotebookRunner.Execution;

namespace NotebookRunner.Cli;

/// <summary>The <c>nbrun</c> command line: parses it, reports usage errors with exit code 2, runs <see cref="RunCommand"/>.</summary>
public static class CommandLine
{
    /// <summary>Parses <paramref name="args"/> and runs the command.</summary>
    /// <param name="environment">Reads environment variables (<c>NBRUN_REQUIRE_KERNEL</c>); the process's own by default, so tests can give their own.</param>
    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null, Func<string, string?>? environment = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;

        var paths = new Argument<string[]>("paths") { Description = "Notebooks (.ipynb, .dib) or folders to search for them", Arity = ArgumentArity.OneOrMore };
        var outputDir = new Option<string?>("--output", "-o") { Description = "Write executed notebooks under this folder (keeping their relative paths)" };
        var inPlace = new Option<bool>("--inplace") { Description = "Write executed notebooks over their inputs" };
        var timeout = new Option<double>("--timeout") { Description = "Per-cell timeout in seconds (0 = none); cell or notebook metadata execution.timeout overrides it", DefaultValueFactory = _ => 120 };
        var jobs = new Option<int>("--jobs", "-j") { Description = "How many notebooks run at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML report to this file" };
        var html = new Option<string?>("--html") { Description = "Write an HTML report (a page per notebook and an index) to this folder" };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Let every cell raise; the notebook still passes" };
        var shard = new Option<string?>("--shard") { Description = "Run only part i of n of the notebooks (i/n, e.g. 2/4): a stable split for CI machines" };
        var noPrestart = new Option<bool>("--no-prestart") { Description = "Start each notebook's kernel only when its turn comes" };
        var requireKernel = new Option<string[]>("--require-kernel")
        {
            Description = "Fail a notebook whose cells need this connected kernel (e.g. python, through #!connect jupyter) when the machine "
                + "does not have it; without it such cells are reported as not run and the notebook passes. Repeat it or separate names with "
                + $"commas. Default: the environment variable {RequiredKernels.EnvironmentVariable} (comma-separated)",
            Arity = ArgumentArity.OneOrMore,
            HelpName = "NAME",
        };

        var retries = new Option<int?>("--retries")
        {
            Description = "Run a notebook that failed, timed out or crashed again from the start, in a new kernel, up to this many times; "
                + $"reports say which attempt passed and why the earlier ones failed. Default: the environment variable {RetryCount.EnvironmentVariable}, else 0",
            HelpName = "N",
        };

        var run = new Command("run", "Execute notebooks headlessly and report each as a test")
        {
            paths, outputDir, inPlace, timeout, jobs, junit, html, allowErrors, shard, noPrestart, requireKernel, retries,
        };
        var root = new RootCommand("nbrun: runs Polyglot notebooks headlessly in the dotnet-interactive kernel, as tests") { run };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors) await error.WriteLineAsync($"nbrun: {problem.Message}");
            await error.WriteLineAsync("Try 'nbrun run --help'.");
            return ExitCodes.Usage;
        }
        if (parsed.CommandResult.Command != run)
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        if (parsed.Tokens.Any(t => t.Value is "--help" or "-h" or "-?"))
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        var seconds = parsed.GetValue(timeout);
        var parallelism = parsed.GetValue(jobs);
        if (seconds < 0) return await Usage(error, "--timeout must be 0 (no limit) or a positive number of seconds");
        if (parallelism < 1) return await Usage(error, "-j/--jobs must be at least 1");
        if (parsed.GetValue(inPlace) && parsed.GetValue(outputDir) is not null) return await Usage(error, "--output and --inplace cannot be used together");
        Shard? part = null;
        if (parsed.GetValue(shard) is { } shardText)
        {
            try { part = Shard.Parse(shardText); }
            catch (FormatException e) { return await Usage(error, e.Message); }
        }

        IReadOnlySet<string> required;
        try
        {
            // The option, when given, replaces the variable: CI's NBRUN_REQUIRE_KERNEL=python is not added to a local choice.
            required = parsed.GetResult(requireKernel) is { Implicit: false }
                ? RequiredKernels.Parse(parsed.GetValue(requireKernel) ?? [], "--require-kernel")
                : RequiredKernels.FromEnvironment(environment);
        }
        catch (FormatException e) { return await Usage(error, e.Message); }

        int retryCount;
        try { retryCount = parsed.GetValue(retries) is { } given ? RetryCount.Check(given, "--retries") : RetryCount.FromEnvironment(environment); }
        catch (FormatException e) { return await Usage(error, e.Message); }

        var settings = new RunSettings(
            parsed.GetValue(paths)!,
            parsed.GetValue(outputDir),
            parsed.GetValue(inPlace),
            parsed.GetValue(junit),
            parsed.GetValue(html),
            new RunOptions
            {
                CellTimeout = seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds),
                Parallelism = parallelism,
                AllowErrors = parsed.GetValue(allowErrors),
                Prestart = !parsed.GetValue(noPrestart),
                RequiredKernels = required,
                Retries = retryCount,
            },
            part);
        return await RunCommand.ExecuteAsync(settings, output, error);
    }

    private static async Task<int> Usage(TextWriter error, string message)
    {
        await error.WriteLineAsync($"nbrun: {message}");
        return ExitCodes.Usage;
    }
}
