using System.IO.Compression;
using System.Net.Security;
using System.Security.Cryptography;
using VcSync.Inventory;
using VcSync.Simulator;
using VcSync.Vim.PropertyCollector;

namespace VcSync.Vim.Bench;

/// <summary>
/// <c>record OUT.xml [size] [maxObjects]</c>: starts the simulator, asks the sync's one inventory filter with pages of
/// <c>maxObjects</c> (1,000 by default) and writes the first page's response body, decompressed and without its token,
/// for <c>file</c> mode and tests.
/// </summary>
internal sealed class PageRecorder : DelegatingHandler
{
    private readonly string _path;
    private bool _recorded;

    private PageRecorder(string path, HttpMessageHandler inner)
        : base(inner) => _path = path;

    public static async Task RunAsync(string path, string size, int maxObjects)
    {
        await using var simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = size, StartTimeout = TimeSpan.FromMinutes(5) });
        var thumbprint = simulator.Thumbprint;
        var tls = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                // The simulator's self-signed certificate, pinned by the thumbprint it printed.
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())).Equals(thumbprint, StringComparison.OrdinalIgnoreCase),
            },
        };
        using var recorder = new PageRecorder(path, tls);
        await using var client = await VimClient.ConnectAsync(new VimClientOptions { Url = simulator.SdkUrl, Thumbprint = thumbprint }, recorder, CancellationToken.None);
        await client.LoginAsync(simulator.Username, simulator.Password);
        var content = client.ServiceContent;
        var view = await client.CreateContainerViewAsync(content.RootFolder, InventoryPropertySpecs.ContainerViewTypes, true);
        var filter = InventoryPropertySpecs.InventoryFilter(view, content.About.ApiVersion, content.RootFolder);
        await foreach (var unused in client.RetrievePropertiesAsync(filter, new RetrieveOptions { MaxObjects = maxObjects }))
        {
            if (recorder._recorded)
            {
                break;
            }
        }

        Console.WriteLine($"{path}: {new FileInfo(path).Length / 1e6:F1} MB, the first page of {size} with maxObjects {maxObjects}");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        if (_recorded || !body.Contains("<RetrievePropertiesEx", StringComparison.Ordinal))
        {
            return response;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var gzip = response.Content.Headers.ContentEncoding.Contains("gzip", StringComparer.OrdinalIgnoreCase);
        using var plain = new MemoryStream();
        await using (var source = gzip ? new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress) : (Stream)new MemoryStream(bytes))
        {
            await source.CopyToAsync(plain, cancellationToken);
        }

        // The token goes: file mode answers every call with this page, which must then be the last.
        var text = System.Text.Encoding.UTF8.GetString(plain.ToArray());
        var token = text.IndexOf("<token>", StringComparison.Ordinal);
        if (token >= 0)
        {
            text = text.Remove(token, text.IndexOf("</token>", token, StringComparison.Ordinal) + "</token>".Length - token);
        }

        await File.WriteAllTextAsync(_path, text, cancellationToken);

        _recorded = true;
        var replay = new ByteArrayContent(bytes);
        foreach (var header in response.Content.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = replay;
        return response;
    }
}
