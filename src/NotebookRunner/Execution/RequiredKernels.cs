namespace NotebookRunner.Execution;

/// <summary>
/// Reads which connected kernels a run requires, from <c>--require-kernel</c> values or the
/// <c>NBRUN_REQUIRE_KERNEL</c> environment variable: names, repeated or comma-separated. CI sets the variable
/// where it installs the kernels, so a notebook whose Python cells silently stopped running fails there.
/// </summary>
public static class RequiredKernels
{
    /// <summary>The environment variable the CLI and the notebook tests read when no option is given.</summary>
    public const string EnvironmentVariable = "NBRUN_REQUIRE_KERNEL";

    /// <summary>No kernel required: cells of a missing connected kernel are reported, not failed.</summary>
    public static IReadOnlySet<string> None { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The names in <paramref name="values"/>, each of which may hold several separated by commas.</summary>
    /// <param name="values">The option's values, or the variable's one value.</param>
    /// <param name="source">What the values came from, for the error message (<c>--require-kernel</c>).</param>
    /// <exception cref="FormatException">A name is blank (<c>"python,"</c>) or cannot be a kernel name; the message names <paramref name="source"/>.</exception>
    public static IReadOnlySet<string> Parse(IEnumerable<string> values, string source)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            foreach (var part in value.Split(','))
            {
                var name = part.Trim();
                if (name.Length == 0)
                    throw new FormatException($"{source} needs kernel names such as python (comma-separated or repeated), not '{value}': a name is empty");
                // The kernel takes a name up to the first space, and '#' starts a magic, so neither can be in one.
                if (name.Any(char.IsWhiteSpace) || name.StartsWith('#'))
                    throw new FormatException($"{source}: '{name}' is not a kernel name (no spaces, not starting with '#'), e.g. python");
                names.Add(name);
            }
        }
        return names;
    }

    /// <summary>
    /// The kernels <see cref="EnvironmentVariable"/> names; none when it is unset or blank (so <c>NBRUN_REQUIRE_KERNEL=</c>
    /// turns the requirement off for one command).
    /// </summary>
    /// <param name="read">Reads a variable; the process environment by default (tests pass their own).</param>
    /// <exception cref="FormatException">The variable holds a blank or impossible name; the message names the variable.</exception>
    public static IReadOnlySet<string> FromEnvironment(Func<string, string?>? read = null)
    {
        var value = (read ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? None : Parse([value], $"the environment variable {EnvironmentVariable}");
    }
}
