namespace NotebookRunner.Engine;

/// <summary>Receives a cell's events as they happen. Called from any thread (background threads of the
/// cell write to stdout too), so implementations must be thread-safe.</summary>
public interface ICellEventSink
{
    /// <summary>Called once per event, in the order the events happened.</summary>
    void Publish(CellEvent cellEvent);
}
