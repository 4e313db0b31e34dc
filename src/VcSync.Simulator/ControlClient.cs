using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace VcSync.Simulator;

/// <summary>Talks to the simulator's <c>/vcsync/control</c> endpoint, trusting only the simulator's certificate.</summary>
internal sealed class ControlClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    public ControlClient(Uri sdkUrl, string thumbprint)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null
                    && Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData())) == thumbprint,
            },
        };
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        _endpoint = new Uri(sdkUrl, "/vcsync/control");
    }

    public async Task<JsonObject> SendAsync(JsonObject request, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(_endpoint, request, SimulatorJsonContext.Default.JsonObject, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var body = JsonNode.Parse(text) as JsonObject ?? [];
        if (!response.IsSuccessStatusCode)
        {
            throw new SimulatorException(
                $"Simulator control '{request["op"]}' failed: {body["error"]?.GetValue<string>() ?? text}");
        }

        return body;
    }

    public void Dispose() => _http.Dispose();
}
