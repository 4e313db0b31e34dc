using System.Diagnostics;
using System.Net;
using System.Xml;
using VcSync.Inventory;
using VcSync.Vim.PropertyCollector;

namespace VcSync.Vim.Bench;

/// <summary>
/// <c>file PAGE.xml [rounds] [only]</c> (only: run the measures whose name contains it): one recorded RetrievePropertiesEx response (e.g. 1,000 VMs from the simulator) parsed
/// from memory, split into its costs: a bare <see cref="XmlReader"/> walk and one of the client's own reader, the parse into ObjectContent with the
/// sync's value filters, the parse plus <see cref="InventoryBuilder"/>, and the builder alone over the page parsed once
/// (only: <c>map</c>). CPU per round and MB/s.
/// </summary>
internal sealed class RecordedPage : HttpMessageHandler
{
    private static string? _only;
    private static AllocationSampler? _sampler;

    private readonly byte[] _page;

    private RecordedPage(byte[] page) => _page = page;

    public static async Task RunAsync(string path, int rounds, string? only = null, bool sampleAllocations = false)
    {
        _only = only;
        using var sampler = sampleAllocations ? new AllocationSampler() : null;
        _sampler = sampler;
        var page = await File.ReadAllBytesAsync(path);
        var handler = new RecordedPage(page);
        await using var client = await VimClient.ConnectAsync(new VimClientOptions { Url = new Uri("bench.local", UriKind.RelativeOrAbsolute) }, handler, CancellationToken.None);
        var spec = new PropertyFilterSpec([new PropertySpec("VirtualMachine", ["name"])], []);
        var filtered = new RetrieveOptions { ValueFilters = InventoryPropertySpecs.ValueFilters };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true };
        Measure("XmlReader.Read() walk", page.Length, rounds, () =>
        {
            using var reader = XmlReader.Create(new MemoryStream(page), settings);
            while (reader.Read())
            {
            }
        });
        Measure("XmlReader walk, CheckCharacters off", page.Length, rounds, () =>
        {
            using var reader = XmlReader.Create(new MemoryStream(page), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CheckCharacters = false });
            while (reader.Read())
            {
            }
        });
        var atoms = new Xml.AtomTable();
        Measure("VimXmlReader.Read() walk", page.Length, rounds, () =>
        {
            using var reader = new Xml.VimXmlReader(new MemoryStream(page), atoms, long.MaxValue);
            while (reader.Read())
            {
            }
        });
        Measure("parse to ObjectContent, no filters", page.Length, rounds, () => Drain(client.RetrievePropertiesAsync(spec, null), null));
        Measure("parse to ObjectContent, sync's filters", page.Length, rounds, () => Drain(client.RetrievePropertiesAsync(spec, filtered), null));
        Measure("parse + InventoryBuilder.Add + Build", page.Length, rounds, () => Drain(client.RetrievePropertiesAsync(spec, filtered), new InventoryBuilder(true)));
        const string mapOnly = "map only: InventoryBuilder.Add + Build";
        if (_only is null || mapOnly.Contains(_only, StringComparison.OrdinalIgnoreCase))
        {
            // The page parsed once and held: each round maps and builds it alone, the mapping's own share.
            var parsed = new List<Values.ObjectContent>();
            await foreach (var content in client.RetrievePropertiesAsync(spec, filtered))
            {
                parsed.Add(content);
            }

            Measure(mapOnly, page.Length, rounds, () =>
            {
                var builder = new InventoryBuilder(true);
                foreach (var content in parsed)
                {
                    builder.Add(content);
                }

                GC.KeepAlive(builder.Build());
            });
        }
    }

    private static void Drain(IAsyncEnumerable<Values.ObjectContent> contents, InventoryBuilder? builder)
    {
        var e = contents.GetAsyncEnumerator();
        try
        {
            while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                builder?.Add(e.Current);
            }
        }
        finally
        {
            e.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        GC.KeepAlive(builder?.Build());
    }

    private static void Measure(string name, int bytes, int rounds, Action run)
    {
        if (_only is not null && !name.Contains(_only, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        for (var i = 0; i < 5; i++)
        {
            run();
        }

        var process = Process.GetCurrentProcess();
        var best = double.MaxValue;
        var cpu = new List<double>();
        var threadCpu = new List<double>();
        var allocated = GC.GetTotalAllocatedBytes(true);
        _sampler?.Enabled = true;
        var collections = GC.CollectionCount(0);
        for (var i = 0; i < rounds; i++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            var threadBefore = ThreadClock.Milliseconds();
            var watch = Stopwatch.StartNew();
            run();
            threadCpu.Add(ThreadClock.Milliseconds() - threadBefore);
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - before).TotalMilliseconds);
        }

        _sampler?.Enabled = false;
        cpu.Sort();
        threadCpu.Sort();
        var perRound = (GC.GetTotalAllocatedBytes(true) - allocated) / 1e6 / rounds;
        var gcs = (GC.CollectionCount(0) - collections) / (double)rounds;
        Console.WriteLine(
            $"{name,-42} wall best {best,7:F1} ms  CPU median {cpu[cpu.Count / 2],7:F1} ms (min {cpu[0],6:F1})  {bytes / 1e6 / best * 1000,6:F0} MB/s  alloc {perRound,6:F1} MB  GCs {gcs,4:F1}  thread CPU median {threadCpu[threadCpu.Count / 2],6:F1} min {threadCpu[0],6:F1} ms");
        _sampler?.Print();
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content!.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult();
        var bytes = body.Contains("RetrieveServiceContent", StringComparison.Ordinal) ? ServiceContent : _page;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("text/xml") { CharSet = "utf-8" };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    }

    private static readonly byte[] ServiceContent = System.Text.Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>" +
        "<RetrieveServiceContentResponse xmlns=\"urn:vim25\"><returnval><rootFolder type=\"Folder\">group-d1</rootFolder>" +
        "<propertyCollector type=\"PropertyCollector\">propertyCollector</propertyCollector><viewManager type=\"ViewManager\">ViewManager</viewManager>" +
        "<about><name>VMware vCenter Server</name><fullName>VMware vCenter Server 8.0.2</fullName><version>8.0.2</version><build>1</build>" +
        "<apiType>VirtualCenter</apiType><apiVersion>8.0.2.0</apiVersion></about><sessionManager type=\"SessionManager\">SessionManager</sessionManager>" +
        "</returnval></RetrieveServiceContentResponse></soapenv:Body></soapenv:Envelope>");
}
