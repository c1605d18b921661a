namespace ConcurrencyLab.Interactive.Cells;

/// <summary>
/// A magic command used where it cannot work (wrong kernel, nothing after it, a bad option value). The message names
/// the magic and the option or kernel; the cell then fails before any of its code runs.
/// </summary>
internal sealed class MagicCellException(string message) : Exception(message);
