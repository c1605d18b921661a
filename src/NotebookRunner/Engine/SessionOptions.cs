namespace NotebookRunner.Engine;

/// <summary>How a <see cref="CSharpSession"/> compiles and resolves cells.</summary>
public sealed record SessionOptions
{
    /// <summary>Folder that relative <c>#r</c> and <c>#load</c> paths resolve against: the notebook's folder.</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Compile cells with optimisations (Release). Polyglot Notebooks compiles Debug; <c>--debug</c> matches it.</summary>
    public bool Optimize { get; init; } = true;

    /// <summary>
    /// The session owns this process's console: output written on threads that carry no session context (work
    /// queued without flowing it, timers) is attributed to this session rather than passed through. The notebook
    /// worker sets it; in-process hosts (tests, benchmarks, other front ends) leave it off so their own output stays theirs.
    /// </summary>
    public bool OwnsProcessConsole { get; init; }

    /// <summary>Where restored <c>#r "nuget:..."</c> packages are cached between runs.</summary>
    public string PackageCacheDirectory { get; init; } = DefaultPackageCache();

    private static string DefaultPackageCache() =>
        Environment.GetEnvironmentVariable("NBRUN_PACKAGE_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "nbrun", "packages");
}
