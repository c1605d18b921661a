using System.Text;

namespace NotebookRunner.Engine;

/// <summary>
/// Replaces <see cref="Console.Out"/> and <see cref="Console.Error"/> once per process with writers that send
/// each write to the session that owns it: the session in the writer's async context (threads and tasks
/// started by a cell inherit it), else the session that owns the process's console, if any (covers work queued
/// without flowing the context, e.g. <c>ThreadPool.UnsafeQueueUserWorkItem</c>), else the real console. Writes are forwarded immediately, so text
/// from several threads keeps the order in which it was written.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly object InstallGate = new();
    private static bool _installed;

    public static void EnsureInstalled()
    {
        lock (InstallGate)
        {
            if (_installed) return;
            Console.SetOut(new RoutingWriter("stdout", Console.Out));
            Console.SetError(new RoutingWriter("stderr", Console.Error));
            _installed = true;
        }
    }

    private sealed class RoutingWriter(string streamName, TextWriter passThrough) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Route(value.ToString());
        public override void Write(string? value) { if (!string.IsNullOrEmpty(value)) Route(value); }
        public override void Write(char[] buffer, int index, int count) { if (count > 0) Route(new string(buffer, index, count)); }
        public override void Write(ReadOnlySpan<char> buffer) { if (!buffer.IsEmpty) Route(new string(buffer)); }
        public override void WriteLine(string? value) => Route((value ?? "") + "\n");
        public override void WriteLine() => Route("\n");

        private void Route(string text)
        {
            var session = CSharpSession.Current ?? CSharpSession.ConsoleOwner;
            if (session is null) passThrough.Write(text);
            else session.PublishStream(streamName, text);
        }
    }
}
