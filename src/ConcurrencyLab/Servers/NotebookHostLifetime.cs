using Microsoft.Extensions.Hosting;

namespace ConcurrencyLab.Servers;

/// <summary>
/// A host lifetime that leaves the process alone. The default console lifetime hooks Ctrl+C and SIGTERM to stop
/// the host; in a notebook those signals belong to the kernel, and only Dispose stops the server.
/// </summary>
internal sealed class NotebookHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
