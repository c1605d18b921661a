using System.Collections.Concurrent;

namespace ConcurrencyLab.Contexts;

internal static class BlockingCollectionExtensions
{
    /// <summary>Adds unless <see cref="BlockingCollection{T}.CompleteAdding"/> was called (which races with any check).</summary>
    public static bool TryAddUnlessCompleted(this BlockingCollection<(SendOrPostCallback, object?)> queue, SendOrPostCallback callback, object? state)
    {
        try
        {
            queue.Add((callback, state));
            return true;
        }
        catch (InvalidOperationException) when (queue.IsAddingCompleted)
        {
            return false;
        }
    }
}
