using NotebookRunner.Engine;

namespace NotebookRunner.Tests.Engine;

/// <summary>Collects a cell's events for assertions.</summary>
internal sealed class RecordingSink : ICellEventSink
{
    private readonly List<CellEvent> _events = [];

    public IReadOnlyList<CellEvent> Events { get { lock (_events) return [.. _events]; } }

    public void Publish(CellEvent cellEvent) { lock (_events) _events.Add(cellEvent); }

    public string Stdout => string.Concat(Events.OfType<StreamEvent>().Where(s => s.Name == "stdout").Select(s => s.Text));

    public string Stderr => string.Concat(Events.OfType<StreamEvent>().Where(s => s.Name == "stderr").Select(s => s.Text));

    public IReadOnlyList<DisplayEvent> Displays => Events.OfType<DisplayEvent>().ToList();

    public ErrorEvent? Error => Events.OfType<ErrorEvent>().SingleOrDefault();
}
