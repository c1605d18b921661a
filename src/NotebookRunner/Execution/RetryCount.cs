using System.Globalization;

namespace NotebookRunner.Execution;

/// <summary>
/// How many times a failed notebook is run again: <c>--retries N</c>, else the <c>NBRUN_RETRIES</c> environment
/// variable, which CI sets so that a notebook hit by a rare fault of the kernel (a <c>#!connect jupyter</c> that never
/// hears back from ipykernel) is tried once more, and said to have been, rather than failing the whole build.
/// </summary>
public static class RetryCount
{
    /// <summary>The environment variable CI sets.</summary>
    public const string EnvironmentVariable = "NBRUN_RETRIES";

    /// <summary>More would hide a notebook that fails for real behind minutes of reruns.</summary>
    public const int Maximum = 5;

    /// <summary><paramref name="count"/>, checked; <paramref name="source"/> names where it came from in the error.</summary>
    /// <exception cref="FormatException">Below 0 or above <see cref="Maximum"/>.</exception>
    public static int Check(int count, string source) => count is >= 0 and <= Maximum
        ? count
        : throw new FormatException($"{source} must be a whole number from 0 to {Maximum}; got {count.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The count <see cref="EnvironmentVariable"/> gives; 0 when it is unset or blank.</summary>
    /// <exception cref="FormatException">The variable is not a whole number from 0 to <see cref="Maximum"/>.</exception>
    public static int FromEnvironment(Func<string, string?>? read = null)
    {
        var value = (read ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value)) return 0;
        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? Check(count, $"the environment variable {EnvironmentVariable}")
            : throw new FormatException($"the environment variable {EnvironmentVariable} must be a whole number from 0 to {Maximum}; got '{value}'");
    }
}
