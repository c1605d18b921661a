using System.Text;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Processes;

/// <summary>
/// What one run of a <see cref="ChildProgram"/> did: how it ended, what it printed and how long it took.
/// Shown as plain text: the summary line, then standard output and standard error.
/// </summary>
/// <example><code>var run = program.Run("background"); run.Outcome == ChildOutcome.Exited</code></example>
[TypeFormatterSource(typeof(PlainTextFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.PlainText })]
public sealed class ChildRun
{
    internal ChildRun(string programName, IReadOnlyList<string> arguments, ChildOutcome outcome, int? exitCode,
        string standardOutput, string standardError, TimeSpan elapsed, TimeSpan timeout)
    {
        ProgramName = programName;
        Arguments = arguments;
        Outcome = outcome;
        ExitCode = exitCode;
        StandardOutput = standardOutput;
        StandardError = standardError;
        Elapsed = elapsed;
        Timeout = timeout;
    }

    /// <summary>The program's name, as given to <see cref="ChildProgram.FromSource"/>.</summary>
    public string ProgramName { get; }

    /// <summary>The command-line arguments the program got.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Whether it exited, was killed by a signal, or outlived the timeout.</summary>
    public ChildOutcome Outcome { get; }

    /// <summary>The process exit code; null when it timed out. On Unix a signal shows as 128 + the signal number.</summary>
    public int? ExitCode { get; }

    /// <summary>Everything the program wrote to standard output.</summary>
    public string StandardOutput { get; }

    /// <summary>Everything the program wrote to standard error (the runtime's unhandled-exception report goes here).</summary>
    public string StandardError { get; }

    /// <summary>Wall time from process start to exit (or to the kill at the timeout); excludes building.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The timeout the run had.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>True when the program ran to its end and returned 0.</summary>
    public bool Succeeded => Outcome == ChildOutcome.Exited && ExitCode == 0;

    /// <summary>One line saying how the process ended, in words.</summary>
    public string Summary
    {
        get
        {
            var args = Arguments.Count == 0 ? "" : " " + string.Join(" ", Arguments);
            var how = Outcome switch
            {
                ChildOutcome.TimedOut => $"was still running after {Format(Timeout)} and was killed",
                ChildOutcome.Killed => $"was ended by signal {SignalName(ExitCode!.Value - 128)} (exit code {ExitCode}) after {Format(Elapsed)}",
                _ => $"exited with code {ExitCode} after {Format(Elapsed)}",
            };
            return $"{ProgramName}{args}: {how}";
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder(Summary).AppendLine();
        AppendStream(text, "stdout", StandardOutput);
        AppendStream(text, "stderr", StandardError);
        return text.ToString().TrimEnd();
    }

    private static void AppendStream(StringBuilder text, string name, string content)
    {
        if (content.Length == 0)
            return;
        text.AppendLine($"--- {name} ---");
        text.AppendLine(content.TrimEnd());
    }

    private static string Format(TimeSpan span) =>
        span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.00} s" : $"{span.TotalMilliseconds:0} ms";

    // Linux numbering; the common ones a learner meets when a .NET process dies.
    private static string SignalName(int signal) => signal switch
    {
        6 => "SIGABRT",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => signal.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
