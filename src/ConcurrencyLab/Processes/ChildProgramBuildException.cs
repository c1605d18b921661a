namespace ConcurrencyLab.Processes;

/// <summary>A <see cref="ChildProgram"/>'s source did not compile; the message lists the compiler's errors.</summary>
public sealed class ChildProgramBuildException : Exception
{
    /// <summary>Creates the exception for <paramref name="programName"/> with the build's error lines.</summary>
    public ChildProgramBuildException(string programName, IReadOnlyList<string> errors)
        : base($"Child program '{programName}' failed to build:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
    {
        ProgramName = programName;
        Errors = errors;
    }

    /// <summary>The program that failed to build.</summary>
    public string ProgramName { get; }

    /// <summary>The compiler's error lines (or the build's last lines when it printed no "error" line).</summary>
    public IReadOnlyList<string> Errors { get; }
}
