using VcSync.Vim.Faults;
using VcSync.Vim.Tests.Fakes;

namespace VcSync.Vim.Tests;

public sealed class CertificateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Default_validation_refuses_a_self_signed_certificate_and_names_its_thumbprint()
    {
        await using var server = new TlsServer();
        var error = await Assert.ThrowsAsync<VimCertificateException>(() => VimClient.ConnectAsync(new VimClientOptions { Url = new Uri(server.Url) }, Ct));
        Assert.Equal(server.Thumbprint, error.Thumbprint);
        Assert.Contains($"--thumbprint {server.Thumbprint}", error.Message, StringComparison.Ordinal);
        Assert.Contains("--insecure", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_matching_pin_is_trusted_whatever_its_spelling()
    {
        await using var server = new TlsServer();
        var spelled = string.Join(':', server.Thumbprint.ToLowerInvariant().Chunk(2).Select(c => new string(c)));
        await using var client = await VimClient.ConnectAsync(new VimClientOptions { Url = new Uri(server.Url), Thumbprint = spelled }, Ct);
        Assert.Equal("8.0.2.0", client.ServiceContent.About.ApiVersion);
    }

    [Fact]
    public async Task A_different_pin_is_refused()
    {
        await using var server = new TlsServer();
        var wrong = new string('A', 64);
        var error = await Assert.ThrowsAsync<VimCertificateException>(() => VimClient.ConnectAsync(new VimClientOptions { Url = new Uri(server.Url), Thumbprint = wrong }, Ct));
        Assert.Equal(server.Thumbprint, error.Thumbprint);
        Assert.Contains("does not match the pinned thumbprint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insecure_trusts_anything()
    {
        await using var server = new TlsServer();
        await using var client = await VimClient.ConnectAsync(new VimClientOptions { Url = new Uri(server.Url), Insecure = true }, Ct);
        Assert.Equal("VirtualCenter", client.ServiceContent.About.ApiType);
        Assert.True(client.Statistics.BytesRead > 0);
    }
}
