namespace NotebookRunner.Kernel;

/// <summary>
/// The kernel could not be had at all: the tool is not pinned or cannot be restored, or a kernel process died
/// before it said it was ready. An infrastructure failure (exit code 3), not a notebook's fault.
/// </summary>
public sealed class KernelUnavailableException(string message) : Exception(message);
