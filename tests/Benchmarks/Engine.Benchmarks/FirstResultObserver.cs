using System.Collections.Concurrent;
using System.Diagnostics;
using NotebookRunner.Execution;

/// <summary>Times, per notebook, from the moment its turn begins to the end of its first cell.</summary>
internal sealed class FirstResultObserver : IRunObserver
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, TimeSpan> _turns = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _firstResults = new();

    public IReadOnlyDictionary<string, TimeSpan> FirstResultAfterTurn => _firstResults;

    public void NotebookStarted(string name, int codeCells) => _turns[name] = _clock.Elapsed;

    public void CellStarted(string name, int index, int ordinal, string firstLine) { }

    public void CellFinished(string name, CellResult result) => _firstResults.TryAdd(name, _clock.Elapsed - _turns[name]);

    public void NotebookFinished(NotebookResult result) { }
}
