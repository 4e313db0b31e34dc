using System.Globalization;
using System.Net;
using System.Text;

namespace VcSync.Vim.Bench;

/// <summary>A recorded-style page set of VMs with about a dozen properties each, served from memory.</summary>
internal sealed class SyntheticPages : HttpMessageHandler
{
    private const string Start =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soapenv:Envelope xmlns:soapenc=\"http://schemas.xmlsoap.org/soap/encoding/\" " +
        "xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" " +
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n<soapenv:Body>";

    private const string End = "</soapenv:Body>\n</soapenv:Envelope>";

    private readonly List<byte[]> _pages = [];
    private readonly byte[] _serviceContent;

    public SyntheticPages(int vms, int pageSize)
    {
        for (var first = 0; first < vms; first += pageSize)
        {
            var page = new StringBuilder(pageSize * 2400);
            var index = _pages.Count;
            var method = index == 0 ? "RetrievePropertiesExResponse" : "ContinueRetrievePropertiesExResponse";
            page.Append(Start).Append('<').Append(method).Append(" xmlns=\"urn:vim25\"><returnval>");
            if (first + pageSize < vms)
            {
                page.Append(CultureInfo.InvariantCulture, $"<token>{index + 1}</token>");
            }

            for (var i = first; i < Math.Min(vms, first + pageSize); i++)
            {
                AppendVm(page, i);
            }

            page.Append("</returnval></").Append(method).Append('>').Append(End);
            _pages.Add(Encoding.UTF8.GetBytes(page.ToString()));
        }

        _serviceContent = Encoding.UTF8.GetBytes(Start +
            "<RetrieveServiceContentResponse xmlns=\"urn:vim25\"><returnval><rootFolder type=\"Folder\">group-d1</rootFolder>" +
            "<propertyCollector type=\"PropertyCollector\">propertyCollector</propertyCollector><viewManager type=\"ViewManager\">ViewManager</viewManager>" +
            "<about><name>VMware vCenter Server</name><fullName>VMware vCenter Server 8.0.2</fullName><version>8.0.2</version><build>1</build>" +
            "<apiType>VirtualCenter</apiType><apiVersion>8.0.2.0</apiVersion></about><sessionManager type=\"SessionManager\">SessionManager</sessionManager>" +
            "</returnval></RetrieveServiceContentResponse>" + End);
    }

    public IReadOnlyList<byte[]> Pages => _pages;

    public long TotalBytes => _pages.Sum(p => (long)p.Length);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        byte[] bytes;
        if (body.Contains("RetrieveServiceContent", StringComparison.Ordinal))
        {
            bytes = _serviceContent;
        }
        else if (body.Contains("<ContinueRetrievePropertiesEx", StringComparison.Ordinal))
        {
            var start = body.IndexOf("<token>", StringComparison.Ordinal) + 7;
            var end = body.IndexOf("</token>", StringComparison.Ordinal);
            bytes = _pages[int.Parse(body.AsSpan(start, end - start), CultureInfo.InvariantCulture)];
        }
        else
        {
            bytes = _pages[0];
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("text/xml") { CharSet = "utf-8" };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static void AppendVm(StringBuilder b, int i)
    {
        var ci = CultureInfo.InvariantCulture;
        b.Append(ci, $"<objects><obj type=\"VirtualMachine\">vm-{i + 1000}</obj>");
        Prop(b, "config.guestFullName", "xsd:string", "Ubuntu Linux (64-bit)");
        Prop(b, "config.hardware.memoryMB", "xsd:int", (4096 + (i % 8) * 1024).ToString(ci));
        Prop(b, "config.hardware.numCPU", "xsd:int", (1 + i % 16).ToString(ci));
        Prop(b, "config.instanceUuid", "xsd:string", $"50{i:x6}-1b2c-3d4e-5f60-7182{i:x8}");
        Prop(b, "config.template", "xsd:boolean", i % 50 == 0 ? "true" : "false");
        Prop(b, "config.uuid", "xsd:string", $"42{i:x6}-aaaa-bbbb-cccc-dddd{i:x8}");
        b.Append(ci, $"<propSet><name>datastore</name><val xsi:type=\"ArrayOfManagedObjectReference\"><ManagedObjectReference type=\"Datastore\" xsi:type=\"ManagedObjectReference\">datastore-{i % 80}</ManagedObjectReference></val></propSet>");
        if (i % 3 != 0)
        {
            Prop(b, "guest.ipAddress", "xsd:string", $"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}");
        }

        Prop(b, "name", "xsd:string", $"app-server-{i:D5}.prod.example.com");
        b.Append(ci, $"<propSet><name>network</name><val xsi:type=\"ArrayOfManagedObjectReference\"><ManagedObjectReference type=\"DistributedVirtualPortgroup\" xsi:type=\"ManagedObjectReference\">dvportgroup-{i % 40}</ManagedObjectReference></val></propSet>");
        b.Append(ci, $"<propSet><name>resourcePool</name><val type=\"ResourcePool\" xsi:type=\"ManagedObjectReference\">resgroup-{i % 20}</val></propSet>");
        Prop(b, "runtime.bootTime", "xsd:dateTime", "2024-05-01T10:11:12.123456Z");
        b.Append(ci, $"<propSet><name>runtime.host</name><val type=\"HostSystem\" xsi:type=\"ManagedObjectReference\">host-{i % 400}</val></propSet>");
        Prop(b, "runtime.powerState", "VirtualMachinePowerState", i % 3 == 0 ? "poweredOff" : "poweredOn");
        Prop(b, "summary.storage.committed", "xsd:long", (21474836480L + i * 1024L).ToString(ci));
        b.Append("</objects>");
    }

    private static void Prop(StringBuilder b, string name, string type, string value) =>
        b.Append("<propSet><name>").Append(name).Append("</name><val xsi:type=\"").Append(type).Append("\">").Append(value).Append("</val></propSet>");
}
