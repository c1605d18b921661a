using System.Collections.Concurrent;

namespace ConcurrencyLab.Interactive.Cells;

/// <summary>
/// The state of magic cells while they run, by a number the generated code carries as a constant, so the code that
/// runs in the kernel's submission finds the magic that generated it without any variable of the learner's.
/// </summary>
internal static class CellRegistry
{
    private static readonly ConcurrentDictionary<int, object> States = new();
    private static int _lastId;

    public static int Add(object state)
    {
        var id = Interlocked.Increment(ref _lastId);
        States[id] = state;
        return id;
    }

    public static T? Find<T>(int id) where T : class => States.TryGetValue(id, out var state) ? state as T : null;

    public static T Get<T>(int id) where T : class =>
        Find<T>(id) ?? throw new InvalidOperationException($"Magic cell {id} is not running: this code was generated for a cell that has finished.");

    public static void Remove(int id) => States.TryRemove(id, out _);
}
