namespace ConcurrencyLab.Processes;

/// <summary>The raw result of running one process to its end or to a timeout.</summary>
internal sealed record ProcessOutcome(bool TimedOut, int? ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed);
