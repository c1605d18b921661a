using Microsoft.DotNet.Interactive.Events;

namespace ConcurrencyLab.Interactive.Tests;

/// <summary>The events of one cell, with the questions the tests ask of them.</summary>
internal sealed class CellRun(IReadOnlyList<KernelEvent> events)
{
    public IReadOnlyList<KernelEvent> Events { get; } = events;

    public bool Succeeded => Events.OfType<CommandSucceeded>().Any() && !Failed;

    public bool Failed => Events.OfType<CommandFailed>().Any();

    public string FailureMessage => Events.OfType<CommandFailed>().Select(f => f.Message).FirstOrDefault() ?? "(the cell did not fail)";

    public IReadOnlyList<DisplayedValueProduced> Displays => Events.OfType<DisplayedValueProduced>().ToList();

    public T Displayed<T>() => Displays.Select(d => d.Value).OfType<T>().Single();

    public object? ReturnValue => Events.OfType<ReturnValueProduced>().SingleOrDefault()?.Value;

    public string StandardOutput => string.Concat(Events.OfType<StandardOutputValueProduced>().Select(e => e.FormattedValues.First().Value));

    public string Describe() => string.Join(Environment.NewLine, Events.Select(e => e switch
    {
        CommandFailed f => $"CommandFailed: {f.Message}",
        DisplayEvent d => $"{e.GetType().Name}: {d.Value}",
        _ => e.GetType().Name,
    }));

    /// <summary>Fails the test with every event when the cell did not succeed.</summary>
    public CellRun AssertSucceeded()
    {
        Assert.True(Succeeded, Describe());
        return this;
    }
}
