namespace ConcurrencyLab.Timelines;

/// <summary>One Monitor contention as the runtime reported it: who waited (OS id), when, and who owned the lock.</summary>
internal readonly record struct RuntimeContention(long OsThreadId, long StartTimestamp, long EndTimestamp, long OwnerThreadId);
