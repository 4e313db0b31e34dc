using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using VcSync.Server;
using VcSync.Server.Hosting;
using VcSync.Storage;

namespace VcSync.Tests.Server;

/// <summary>A real <c>vcsync serve</c> (Kestrel on 127.0.0.1, a free port) on a store, with a client for it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ILoggerFactory _loggerFactory;

    private RunningServer(WebApplication app, ILoggerFactory loggerFactory, CapturedLogs logs)
    {
        _app = app;
        _loggerFactory = loggerFactory;
        Logs = logs;
        BaseAddress = VcSyncServer.BaseAddress(app);
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public const string Token = "test-token-0123456789abcdef";

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public CapturedLogs Logs { get; }

    public static async Task<RunningServer> StartAsync(IInventoryStore store, ServeOptions? options = null)
    {
        var logs = new CapturedLogs();
        var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(logs));
        var app = VcSyncServer.Build(
            store,
            (options ?? new ServeOptions()) with { Listen = new IPEndPoint(IPAddress.Loopback, 0) },
            loggerFactory);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RunningServer(app, loggerFactory, logs);
    }

    /// <summary>A request with the bearer token (or the given one).</summary>
    public static HttpRequestMessage Authorized(HttpMethod method, string path, string token = Token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>GETs <paramref name="path"/> and parses the JSON answer, failing the test on any other status than 2xx.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _loggerFactory.Dispose();
    }
}
