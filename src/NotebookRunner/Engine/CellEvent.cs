namespace NotebookRunner.Engine;

/// <summary>Something a running cell produced. The engine's whole output surface: front ends turn these
/// into notebook outputs, protocol messages or terminal text.</summary>
public abstract record CellEvent;

/// <summary>Text written to stdout or stderr (by the cell or by threads it started).</summary>
public sealed record StreamEvent(string Name, string Text) : CellEvent;

/// <summary>A value shown by <c>display(...)</c>, <c>.Display()</c>, <c>#!time</c> or a trailing expression.</summary>
/// <param name="DisplayId">Identifies the display so a later <see cref="IsUpdate"/> event can replace it.</param>
/// <param name="Values">One entry per MIME type, all in one output.</param>
/// <param name="IsResult">True for the value of the cell's trailing expression (an <c>execute_result</c>).</param>
/// <param name="IsUpdate">True when this replaces the earlier display with the same id.</param>
public sealed record DisplayEvent(string DisplayId, IReadOnlyList<FormattedValue> Values, bool IsResult, bool IsUpdate) : CellEvent;

/// <summary>The cell failed: a compile error, an exception, an unsupported directive or a failed package restore.</summary>
public sealed record ErrorEvent(string Name, string Message, IReadOnlyList<string> Traceback, CellErrorKind Kind) : CellEvent;

/// <summary>Why a cell failed; the runner maps <see cref="Restore"/> to an infrastructure failure.</summary>
public enum CellErrorKind
{
    /// <summary>The C# did not compile.</summary>
    Compilation,
    /// <summary>The cell threw.</summary>
    Runtime,
    /// <summary>A magic command, kernel or directive the engine does not support.</summary>
    Directive,
    /// <summary>A <c>#r "nuget:..."</c> could not be restored.</summary>
    Restore,
}
