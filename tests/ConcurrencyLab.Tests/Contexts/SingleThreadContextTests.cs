using ConcurrencyLab.Contexts;

namespace ConcurrencyLab.Tests.Contexts;

public sealed class SingleThreadContextTests
{
    [Fact]
    public async Task Awaits_inside_InvokeAsync_resume_on_the_context_thread()
    {
        using var ui = new SingleThreadContext("UI");
        var threads = await ui.InvokeAsync(async () =>
        {
            var seen = new List<Thread> { Thread.CurrentThread };
            await Task.Delay(5, TestContext.Current.CancellationToken);
            seen.Add(Thread.CurrentThread);
            await Task.Yield();
            seen.Add(Thread.CurrentThread);
            return seen;
        });

        Assert.All(threads, thread => Assert.Same(ui.Thread, thread));
        Assert.Equal("UI", ui.Thread.Name);
    }

    [Fact]
    public async Task ConfigureAwait_false_leaves_the_context_thread()
    {
        using var ui = new SingleThreadContext();
        var (after, context) = await ui.InvokeAsync(async () =>
        {
            await Task.Delay(5, TestContext.Current.CancellationToken).ConfigureAwait(false);
            return (Thread.CurrentThread, SynchronizationContext.Current);
        });

        Assert.NotSame(ui.Thread, after);
        Assert.Null(context);
    }

    [Fact]
    public void Invoke_runs_on_the_thread_returns_the_result_and_rethrows_the_original_exception()
    {
        using var ui = new SingleThreadContext();

        Assert.True(ui.Invoke(() => ui.IsCurrentThread && SynchronizationContext.Current == ui.SynchronizationContext));
        var thrown = Assert.Throws<InvalidOperationException>(() => ui.Invoke(() => throw new InvalidOperationException("from the UI thread")));
        Assert.Equal("from the UI thread", thrown.Message);
    }

    [Fact]
    public async Task Blocking_the_thread_on_a_task_that_needs_it_cannot_complete_until_the_wait_gives_up()
    {
        using var ui = new SingleThreadContext();
        Task? pending = null;

        // The continuation after the delay is queued for the UI thread, which is blocked in Wait: a deadlock
        // that only the timeout ends. Deterministic: the queue cannot run while its only thread waits.
        var completedInTime = ui.Invoke(() =>
        {
            pending = NeedsTheContextAsync();
            return pending.Wait(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        });

        Assert.False(completedInTime);
        // The continuation runs once the thread is free.
        await pending!.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        static async Task NeedsTheContextAsync() => await Task.Delay(1);
    }

    [Fact]
    public async Task Exceptions_escaping_posted_callbacks_are_collected_not_fatal()
    {
        using var ui = new SingleThreadContext();
        var raised = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        ui.UnhandledException += (_, exception) => raised.TrySetResult(exception);

        ui.Post(() => throw new FormatException("posted"));

        var exception = await raised.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.IsType<FormatException>(exception);
        Assert.Single(ui.UnhandledExceptions);
        Assert.Equal(42, ui.Invoke(() => 42));
    }

    [Fact]
    public async Task After_Dispose_public_posts_throw_and_late_continuations_still_run()
    {
        var ui = new SingleThreadContext();
        ui.Dispose();
        ui.Dispose();

        Assert.Throws<ObjectDisposedException>(() => ui.Post(() => { }));
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ui.SynchronizationContext.Post(_ => ran.SetResult(), null);
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.False(ui.Thread.IsAlive);
    }

    [Fact]
    public void Runs_callbacks_in_order_and_counts_them()
    {
        using var ui = new SingleThreadContext();
        var order = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            var n = i;
            ui.Post(() => order.Add(n));
        }

        // Queued behind the ten posts, so it sees them all finished (the count moves after each callback).
        var countSeenByEleventh = ui.Invoke(() => ui.ProcessedCount);

        Assert.Equal(10, countSeenByEleventh);
        Assert.Equal(Enumerable.Range(0, 10), order);
    }
}
