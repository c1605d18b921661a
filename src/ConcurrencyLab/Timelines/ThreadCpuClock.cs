using System.Runtime.InteropServices;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Per-thread CPU time from the operating system, in nanoseconds: how long a thread has actually been on a CPU.
/// Linux and macOS have a CPU-time clock per thread (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, exact to the
/// scheduler's accounting); on Linux another thread's clock can be read too, which the state sampler does.
/// Windows has no equally fine per-thread clock (<c>GetThreadTimes</c> moves in 15.6 ms steps), so there the split
/// is reported as not measured rather than guessed.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int LinuxThreadCpuTimeId = 3;   // CLOCK_THREAD_CPUTIME_ID in <linux/time.h>
    private const int MacThreadCpuTimeId = 16;    // CLOCK_THREAD_CPUTIME_ID in <time.h> on Darwin
    private const int PerThreadSchedulerClock = 6; // CPUCLOCK_PERTHREAD_MASK | CPUCLOCK_SCHED, see MAKE_THREAD_CPUCLOCK

    private static readonly int s_clockId = OperatingSystem.IsLinux() ? LinuxThreadCpuTimeId : MacThreadCpuTimeId;

    /// <summary>True where <see cref="Now"/> works (probed once, so a missing libc entry point turns it off instead of failing spans).</summary>
    public static bool IsSupported { get; } = Probe();

    /// <summary>True where another thread's CPU clock can be read by its OS id (Linux).</summary>
    public static bool CanReadOtherThreads { get; } = IsSupported && OperatingSystem.IsLinux();

    /// <summary>Why the split is not measured here, for the timeline's summary; null where it is.</summary>
    public static string? UnsupportedReason { get; } = IsSupported ? null
        : OperatingSystem.IsWindows()
            ? "Windows has no fine-grained per-thread CPU clock (GetThreadTimes moves in 15.6 ms steps)"
            : "this platform's per-thread CPU clock could not be read";

    /// <summary>CPU time of the calling thread in nanoseconds; call only when <see cref="IsSupported"/>.</summary>
    public static unsafe long Now()
    {
        TimeSpec time;
        clock_gettime(s_clockId, &time);
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    /// <summary>CPU time of the thread with OS id <paramref name="osThreadId"/> (Linux); false once it has exited.</summary>
    public static unsafe bool TryRead(long osThreadId, out long nanoseconds)
    {
        // The kernel encodes "the scheduler clock of thread tid" as ((~tid) << 3) | 6; reading it also brings a
        // running thread's accounting up to date, so the value is exact, not a tick old.
        var clock = (int)((~osThreadId << 3) | PerThreadSchedulerClock);
        TimeSpec time;
        if (clock_gettime(clock, &time) != 0)
        {
            nanoseconds = 0;
            return false;
        }
        nanoseconds = time.Seconds * 1_000_000_000 + time.Nanoseconds;
        return true;
    }

    private static unsafe bool Probe()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return false;
        try
        {
            TimeSpec time;
            return clock_gettime(s_clockId, &time) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // A plain syscall that never blocks: no GC transition needed, which saves ~15 ns of each span's two reads.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    [System.Runtime.InteropServices.SuppressGCTransition]
    private static extern unsafe int clock_gettime(int clockId, TimeSpec* time);
}
