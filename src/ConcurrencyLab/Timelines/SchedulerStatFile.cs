using System.Buffers.Text;
using Microsoft.Win32.SafeHandles;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// One thread's <c>/proc/self/task/&lt;tid&gt;/schedstat</c> on Linux, kept open and re-read in place: its second
/// number is the thread's total time spent runnable but waiting on a run queue (nanoseconds), which no clock gives.
/// The kernel adds a wait when it ends, so a wait still in progress shows up at the next reading.
/// </summary>
internal sealed class SchedulerStatFile : IDisposable
{
    private readonly SafeFileHandle _handle;

    private SchedulerStatFile(SafeFileHandle handle) => _handle = handle;

    /// <summary>The file of thread <paramref name="osThreadId"/>, or null where there is none (not Linux, no schedstats, thread gone).</summary>
    public static SchedulerStatFile? TryOpen(long osThreadId)
    {
        if (!OperatingSystem.IsLinux() || osThreadId <= 0) return null;
        try
        {
            return new SchedulerStatFile(File.OpenHandle($"/proc/self/task/{osThreadId}/schedstat", FileMode.Open, FileAccess.Read));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Nanoseconds the thread has waited for a CPU so far; false once the thread has exited.</summary>
    public bool TryReadRunQueueWait(out long nanoseconds)
    {
        nanoseconds = 0;
        // A buffer of the caller's own: the thread and the sampler may read the same file at once.
        Span<byte> buffer = stackalloc byte[96];
        int length;
        try
        {
            length = RandomAccess.Read(_handle, buffer, 0);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return false; // ESRCH: the thread is gone; or the recording that owned the file has stopped
        }
        // "<on-cpu ns> <run-queue wait ns> <time slices>\n"
        var text = buffer[..length];
        var space = text.IndexOf((byte)' ');
        return space > 0 && Utf8Parser.TryParse(text[(space + 1)..], out nanoseconds, out _);
    }

    public void Dispose() => _handle.Dispose();
}
