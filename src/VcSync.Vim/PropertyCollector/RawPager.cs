using System.Buffers;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using VcSync.Vim.Faults;
using VcSync.Vim.Soap;
using VcSync.Vim.Values;

namespace VcSync.Vim.PropertyCollector;

/// <summary>
/// The wire floor for benchmarks: fetches the same pages as <see cref="PropertyCollectorPager"/> but parses nothing, only
/// scans each page's bytes for its <c>token</c> and counts <c>&lt;objects</c>.
/// </summary>
internal static class RawPager
{
    public static async Task<RawRetrieveResult> RetrieveAsync(
        SoapTransport transport, ManagedObjectReference collector, PropertyFilterSpec spec, RetrieveOptions? options, ILogger logger,
        CancellationToken cancellationToken)
    {
        var pages = 0;
        long bytes = 0;
        long objects = 0;
        string? token = null;
        var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
        try
        {
            do
            {
                KeyValuePair<string, object?>[] args = token is null
                    ? [new("specSet", spec), new("options", options?.MaxObjects is int max ? new DataObject(string.Empty, [new("maxObjects", max)]) : new DataObject(string.Empty, []))]
                    : [new("token", token)];
                var method = token is null ? "RetrievePropertiesEx" : "ContinueRetrievePropertiesEx";
                using var call = await transport.SendAsync(method, SoapRequestWriter.Write(method, collector, args), TimeSpan.Zero, null, cancellationToken)
                    .ConfigureAwait(false);
                token = null;
                if (!call.IsSuccessfulXml)
                {
                    var names = new XmlNames();
                    await call.OpenAsync(names, new ValueDecoder(names)).ConfigureAwait(false);
                    throw new VimProtocolException($"{method} answered with an unexpected response.");
                }

                var length = 0;
                call.Deadline.Arm();
                try
                {
                    int n;
                    while ((n = await call.Body.ReadAsync(buffer.AsMemory(length), call.Deadline.Token).ConfigureAwait(false)) > 0)
                    {
                        length += n;
                        if (length == buffer.Length)
                        {
                            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                            buffer.AsSpan(0, length).CopyTo(larger);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                    }
                }
                catch (Exception e)
                {
                    throw call.Translate(e);
                }
                finally
                {
                    call.Deadline.Disarm();
                }

                var page = buffer.AsSpan(0, length);
                objects += CountObjects(page);
                token = FindToken(page);
                pages++;
                bytes += call.WireBytes;
                transport.Counters.AddPage();
                options?.OnPage?.Invoke(new PageProgress(pages, objects, bytes));
            }
            while (token is not null);
        }
        catch when (token is not null)
        {
            await TokenCanceller.CancelAsync(transport, collector, token, logger).ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new RawRetrieveResult(pages, bytes, objects);
    }

    private static long CountObjects(ReadOnlySpan<byte> page)
    {
        long count = 0;
        var marker = "<objects"u8;
        int index;
        while ((index = page.IndexOf(marker)) >= 0)
        {
            var after = index + marker.Length;
            if (after < page.Length && page[after] is (byte)'>' or (byte)' ')
            {
                count++;
            }

            page = page[after..];
        }

        return count;
    }

    private static string? FindToken(ReadOnlySpan<byte> page)
    {
        var start = page.IndexOf("<token>"u8);
        if (start < 0)
        {
            return null;
        }

        page = page[(start + 7)..];
        var end = page.IndexOf("</token>"u8);
        if (end <= 0)
        {
            return null;
        }

        var token = Encoding.UTF8.GetString(page[..end]);
        return token.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(token) : token;
    }
}
