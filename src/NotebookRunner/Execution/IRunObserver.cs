namespace NotebookRunner.Execution;

/// <summary>Hears about a run as it happens (progress displays); called from several threads when notebooks run in parallel.</summary>
public interface IRunObserver
{
    /// <summary>A notebook's worker is starting.</summary>
    void NotebookStarted(string name, int codeCells);

    /// <summary>A cell began executing.</summary>
    void CellStarted(string name, int index, int ordinal, string firstLine);

    /// <summary>A notebook finished, whatever the outcome.</summary>
    void NotebookFinished(NotebookResult result);
}
