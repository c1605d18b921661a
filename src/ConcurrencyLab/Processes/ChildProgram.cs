using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Processes;

/// <summary>
/// A small C# program (a .NET 10 file-based app: top-level statements in one file) that a notebook runs as a
/// separate process, for what must never happen inside the notebook's own process: a thread that keeps the
/// process alive, an unhandled exception that ends it, a hang. The program is built once with the SDK's
/// <c>dotnet build</c> and cached by content, so later runs start in a fraction of a second.
/// </summary>
/// <example><code>var crash = ChildProgram.FromSource("crash", "new Thread(() => throw new Exception()).Start();");
/// crash.Run()   // "crash: was ended by signal SIGABRT (exit code 134) ..."</code></example>
[TypeFormatterSource(typeof(PlainTextFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.PlainText })]
public sealed partial class ChildProgram
{
    /// <summary>How long a run may take when no timeout is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    // A first build takes 3–6 s on two cores; allow for a loaded CI machine.
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    private readonly string _buildDirectory;

    private ChildProgram(string name, string source)
    {
        Name = name;
        Source = source;
        _buildDirectory = Path.Combine(CacheRoot, $"{name}-{ContentHash(name, source)}");
    }

    /// <summary>The program's name: its file, assembly and process name.</summary>
    public string Name { get; }

    /// <summary>The C# source of the program.</summary>
    public string Source { get; }

    /// <summary>Where built programs are cached: <c>$TMPDIR/concurrencylab/programs</c>.</summary>
    public static string CacheRoot { get; } = Path.Combine(Path.GetTempPath(), "concurrencylab", "programs");

    /// <summary>A program from source text written in the notebook.</summary>
    /// <param name="name">Letters, digits, '-' and '_', starting with a letter; becomes the file and process name.</param>
    /// <param name="source">A file-based app: top-level statements, optionally with <c>#:</c> directives.</param>
    /// <exception cref="ArgumentException">The name is not a valid program name, or the source is empty.</exception>
    public static ChildProgram FromSource(string name, string source)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(source);
        if (!ValidName().IsMatch(name))
            throw new ArgumentException($"Child program name '{name}' must start with a letter and contain only letters, digits, '-' and '_'.", nameof(name));
        if (string.IsNullOrWhiteSpace(source))
            throw new ArgumentException($"Child program '{name}' has no source.", nameof(source));
        return new ChildProgram(name, source);
    }

    /// <summary>A program from a <c>.cs</c> file; its name is the file name without extension.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ChildProgram FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Child program file '{Path.GetFullPath(path)}' does not exist.", path);
        return FromSource(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path));
    }

    /// <summary>Builds (if not yet cached) and runs the program with <see cref="DefaultTimeout"/>.</summary>
    /// <exception cref="ChildProgramBuildException">The source does not compile.</exception>
    public ChildRun Run(params string[] arguments) => Run(DefaultTimeout, arguments);

    /// <summary>Builds (if not yet cached) and runs the program; kills it if it outlives <paramref name="timeout"/>.</summary>
    /// <exception cref="ChildProgramBuildException">The source does not compile.</exception>
    public ChildRun Run(TimeSpan timeout, params string[] arguments) =>
        // Off the caller's thread: a single-threaded SynchronizationContext must not be needed to finish.
        Task.Run(() => RunAsync(arguments, timeout)).GetAwaiter().GetResult();

    /// <summary>Builds (if not yet cached) and runs the program asynchronously.</summary>
    /// <exception cref="ChildProgramBuildException">The source does not compile.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is not positive.</exception>
    public async Task<ChildRun> RunAsync(IReadOnlyList<string>? arguments = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? DefaultTimeout;
        if (limit <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), limit, $"Timeout for child program '{Name}' must be positive.");
        var args = arguments?.ToArray() ?? Array.Empty<string>();

        var assembly = await BuildAsync(cancellationToken).ConfigureAwait(false);
        var outcome = await ProcessLauncher.RunAsync(DotnetHost.Executable, new[] { assembly }.Concat(args), limit,
            cancellationToken: cancellationToken).ConfigureAwait(false);

        var ended = outcome.TimedOut ? ChildOutcome.TimedOut
            : IsSignalExit(outcome.ExitCode!.Value) ? ChildOutcome.Killed
            : ChildOutcome.Exited;
        // Stack traces name the cached copy of the source; show the name the reader knows instead.
        var cachedSource = Path.Combine(_buildDirectory, Name + ".cs");
        return new ChildRun(Name, args, ended, outcome.ExitCode,
            outcome.StandardOutput.Replace(cachedSource, Name + ".cs", StringComparison.Ordinal),
            outcome.StandardError.Replace(cachedSource, Name + ".cs", StringComparison.Ordinal),
            outcome.Elapsed, limit);
    }

    /// <summary>Builds the program unless a build of this exact source is cached; returns the built assembly's path.</summary>
    /// <exception cref="ChildProgramBuildException">The source does not compile.</exception>
    public async Task<string> BuildAsync(CancellationToken cancellationToken = default)
    {
        var output = Path.Combine(_buildDirectory, "bin");
        var assembly = Path.Combine(output, Name + ".dll");
        var builtMarker = Path.Combine(_buildDirectory, "built");
        if (File.Exists(builtMarker) && File.Exists(assembly))
            return assembly;

        Directory.CreateDirectory(_buildDirectory);
        // Two notebooks run in parallel may build the same program: one builds, the other waits and reuses it.
        using var buildLock = await AcquireLockAsync(Path.Combine(_buildDirectory, "lock"), cancellationToken).ConfigureAwait(false);
        if (File.Exists(builtMarker) && File.Exists(assembly))
            return assembly;

        // The source lives in the cache, away from any repository's Directory.Build.props, which would
        // otherwise leak into a file-based app's build.
        var sourceFile = Path.Combine(_buildDirectory, Name + ".cs");
        await File.WriteAllTextAsync(sourceFile, Source, cancellationToken).ConfigureAwait(false);
        // File-based apps default to PublishAot, whose restore needs the NativeAOT packs; a JIT build needs none.
        var build = await ProcessLauncher.RunAsync(DotnetHost.Executable,
            new[] { "build", sourceFile, "-o", output, "-nologo", "-v", "q", "-p:PublishAot=false", "-p:TreatWarningsAsErrors=false" },
            BuildTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);

        if (build.TimedOut)
            throw new ChildProgramBuildException(Name, new[] { $"the build did not finish within {BuildTimeout.TotalMinutes:0} minutes" });
        if (build.ExitCode != 0 || !File.Exists(assembly))
            throw new ChildProgramBuildException(Name, BuildErrors(build, sourceFile));
        await File.WriteAllTextAsync(builtMarker, DateTime.UtcNow.ToString("O"), cancellationToken).ConfigureAwait(false);
        return assembly;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}.cs ({Source.Split('\n').Length} lines)";

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + BuildTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Compiler lines name the cached file; show them as "Name.cs(line,col): error ..." so the cell's reader
    // recognises their own source.
    private IReadOnlyList<string> BuildErrors(ProcessOutcome build, string sourceFile)
    {
        var lines = (build.StandardOutput + build.StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = lines.Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase))
            .Select(line => line.Replace(sourceFile, Name + ".cs", StringComparison.Ordinal))
            .Select(line => Regex.Replace(line, @"\s*\[[^\]]*\.csproj\]$", ""))
            .Distinct()
            .ToList();
        return errors.Count > 0 ? errors : lines.TakeLast(10).ToList();
    }

    // On Unix a process ended by signal N reports 128 + N; SIGABRT (134) is what an unhandled exception produces.
    private static bool IsSignalExit(int exitCode) =>
        !RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && exitCode > 128 && exitCode <= 128 + 64;

    private static string ContentHash(string name, string source)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{Environment.Version}\n{name}\n{source}"));
        return Convert.ToHexString(bytes, 0, 6).ToLowerInvariant();
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex ValidName();
}
