using System.Net;
using System.Net.Sockets;
using ConcurrencyLab.Servers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConcurrencyLab.Tests.Servers;

public sealed class LoopbackServerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Listens_on_loopback_and_returns_the_requested_payload()
    {
        await using var server = await LoopbackServer.StartAsync(cancellationToken: Cancel);
        using var http = server.CreateClient();

        var payload = await http.GetByteArrayAsync(server.DataUrl(latencyMs: 1, bytes: 40_000), Cancel);

        Assert.True(server.BaseAddress.IsLoopback);
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.Equal(40_000, payload.Length);
        Assert.All(Enumerable.Range(0, payload.Length), i => Assert.Equal((byte)(i % 251), payload[i]));
    }

    [Fact]
    public async Task Uses_the_option_defaults_when_the_request_names_none()
    {
        await using var server = await LoopbackServer.StartAsync(new LoopbackServerOptions { Latency = TimeSpan.Zero, PayloadBytes = 17 }, Cancel);
        using var http = server.CreateClient();

        var payload = await http.GetByteArrayAsync(server.DataUrl(), Cancel);

        Assert.Equal(17, payload.Length);
        Assert.Equal(new Uri(server.BaseAddress, "data"), server.DataUrl());
        Assert.Equal(new Uri(server.BaseAddress, "data?ms=2.5&bytes=3"), server.DataUrl(TimeSpan.FromMilliseconds(2.5), 3));
    }

    [Theory]
    [InlineData("data?ms=abc", "'ms'")]
    [InlineData("data?ms=-1", "'ms'")]
    [InlineData("data?bytes=lots", "'bytes'")]
    [InlineData("data?bytes=-5", "'bytes'")]
    public async Task Rejects_bad_query_parameters_naming_them(string path, string named)
    {
        await using var server = await LoopbackServer.StartAsync(cancellationToken: Cancel);
        using var http = server.CreateClient();

        using var response = await http.GetAsync(path, Cancel);
        var message = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, message);
        Assert.Equal(0, server.Statistics.Completed);
    }

    [Fact]
    public async Task Counts_requests_served_and_the_peak_in_flight()
    {
        await using var server = await LoopbackServer.StartAsync(cancellationToken: Cancel);
        using var http = server.CreateClient();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => http.GetByteArrayAsync(server.DataUrl(20, 10), Cancel)));

        Assert.Equal(12, server.Statistics.Completed);
        Assert.InRange(server.Statistics.PeakActive, 1, 12);
        Assert.Equal(0, server.Statistics.Active);
        server.Statistics.Reset();
        Assert.Equal(0, server.Statistics.Completed);
        Assert.Equal(0, server.Statistics.PeakActive);
    }

    [Fact]
    public async Task Runs_hosted_services_and_endpoints_the_options_add()
    {
        var options = new LoopbackServerOptions
        {
            ConfigureServices = services => services.AddSingleton<StartedFlag>().AddHostedService<FlagSetter>(),
            ConfigureEndpoints = endpoints => Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(endpoints, "/hello", () => "hi"),
        };
        await using var server = await LoopbackServer.StartAsync(options, Cancel);
        using var http = server.CreateClient();

        Assert.Equal("hi", await http.GetStringAsync("hello", Cancel));
        await server.Services.GetRequiredService<StartedFlag>().Started.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
    }

    [Fact]
    public async Task Stops_listening_when_disposed()
    {
        var server = await LoopbackServer.StartAsync(cancellationToken: Cancel);
        var port = server.BaseAddress.Port;
        server.Dispose();
        server.Dispose();

        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port, Cancel).AsTask());
    }

    [Fact]
    public async Task Rejects_negative_defaults_naming_the_option()
    {
        var thrown = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            LoopbackServer.StartAsync(new LoopbackServerOptions { PayloadBytes = -1 }, Cancel));
        Assert.Contains("PayloadBytes", thrown.Message);
    }

    private sealed class StartedFlag
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class FlagSetter(StartedFlag flag) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken)
        {
            flag.Started.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
