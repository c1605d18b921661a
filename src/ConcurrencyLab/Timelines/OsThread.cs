using System.Runtime.InteropServices;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// The OS thread id of the calling thread. The runtime's events name threads by OS id, so each
/// recording thread reads its own once, when it registers. The BCL has no portable API for it.
/// </summary>
internal static partial class OsThread
{
    public static long CurrentId()
    {
        try
        {
            if (OperatingSystem.IsWindows()) return GetCurrentThreadId();
            if (OperatingSystem.IsLinux()) return gettid();
            if (OperatingSystem.IsMacOS() && pthread_threadid_np(IntPtr.Zero, out var id) == 0) return (long)id;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Old libc without gettid: runtime events then cannot be tied to rows, and are reported unattributed.
        }
        return 0;
    }

    [DllImport("kernel32.dll")]
    private static extern uint GetCurrentThreadId();

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int gettid();

    [DllImport("libc")]
    private static extern int pthread_threadid_np(IntPtr thread, out ulong id);
}
