namespace ConcurrencyLab.Tests.Measurement;

/// <summary>
/// Tests that read process-wide counters (allocations, work items, contentions) run alone, so other tests'
/// threads add as little as possible to what they count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RuntimeCountersCollection
{
    public const string Name = "Process-wide runtime counters";
}
