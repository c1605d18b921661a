using System.Text;

namespace NotebookRunner.Kernel;

/// <summary>
/// What a kernel wrote to stderr since the last <see cref="Restart"/>, bounded: the first 8 KiB (where the
/// runtime puts a crash's reason: "Process terminated. …", "Stack overflow.", "Unhandled exception. …") and
/// the last 8 KiB (where its stack ends), with a note of what was left out between them.
/// </summary>
internal sealed class StderrCapture
{
    private const int PartLimit = 8 * 1024;

    private readonly StringBuilder _head = new();
    private readonly StringBuilder _tail = new();
    private long _omitted;
    private readonly Lock _gate = new();

    public void Append(string line)
    {
        lock (_gate)
        {
            if (_head.Length + line.Length + 1 <= PartLimit && _tail.Length == 0)
            {
                _head.Append(line).Append('\n');
                return;
            }
            _tail.Append(line).Append('\n');
            if (_tail.Length <= PartLimit) return;
            var excess = _tail.Length - PartLimit;
            _tail.Remove(0, excess);
            _omitted += excess;
        }
    }

    /// <summary>Forgets what was captured: from now on only new lines count (a new cell starts).</summary>
    public void Restart()
    {
        lock (_gate)
        {
            _head.Clear();
            _tail.Clear();
            _omitted = 0;
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            var gap = _omitted > 0 ? $"… ({_omitted} characters left out) …\n" : "";
            return (_head.ToString() + gap + _tail).TrimEnd();
        }
    }
}
