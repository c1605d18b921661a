namespace NotebookRunner.Execution;

/// <summary>Hears about a run as it happens (progress displays); called from several threads when notebooks run in parallel.</summary>
public interface IRunObserver
{
    /// <summary>A notebook's turn has begun: its kernel is being started, or taken from those started ahead.</summary>
    void NotebookStarted(string name, int codeCells);

    /// <summary>A cell began executing.</summary>
    void CellStarted(string name, int index, int ordinal, string firstLine);

    /// <summary>A cell ended (passed, failed, timed out, crashed), or was passed over for want of its kernel (<see cref="CellStatus.Unavailable"/>, with no <see cref="CellStarted"/> before); by default nothing happens.</summary>
    void CellFinished(string name, CellResult result) { }

    /// <summary>A notebook finished, whatever the outcome.</summary>
    void NotebookFinished(NotebookResult result);
}
