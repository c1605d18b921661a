namespace ConcurrencyLab.Timelines;

/// <summary>A thread that appeared in a timeline: one Gantt row.</summary>
/// <param name="ManagedId">Managed thread id (<c>Environment.CurrentManagedThreadId</c>), or a negative number for a thread known only by its OS id.</param>
/// <param name="Name">Thread name, or null if it had none.</param>
/// <param name="IsThreadPool">True for a thread-pool thread, false for a dedicated thread.</param>
/// <param name="IsBackground">True for a background thread (does not keep the process alive).</param>
public sealed record TimelineThread(int ManagedId, string? Name, bool IsThreadPool, bool IsBackground)
{
    /// <summary>The operating system's thread id, when it could be read (0 otherwise).</summary>
    public long OsThreadId { get; init; }

    /// <summary>Row label, e.g. "T7 .NET TP Worker (pool, bg)", or "OS 4242 (…)" for a thread known only by OS id.</summary>
    public string Label
    {
        get
        {
            // A thread seen only in runtime events: its kind is unknown, so the label does not guess.
            if (ManagedId < 0) return $"OS {OsThreadId} ({Name ?? "not recorded"})";
            var name = string.IsNullOrEmpty(Name) ? "" : " " + Name;
            return $"T{ManagedId}{name} ({(IsThreadPool ? "pool" : "dedicated")}, {(IsBackground ? "bg" : "fg")})";
        }
    }
}
