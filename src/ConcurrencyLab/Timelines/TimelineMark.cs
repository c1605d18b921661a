namespace ConcurrencyLab.Timelines;

/// <summary>An instant on a thread, from <see cref="Timeline.Mark"/> or a runtime event.</summary>
/// <param name="ThreadId">Managed id of the thread.</param>
/// <param name="Time">ms since the timeline started.</param>
/// <param name="Label">What happened.</param>
public sealed record TimelineMark(int ThreadId, double Time, string Label);
