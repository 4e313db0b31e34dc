using System.IO.Compression;
using System.Net;
using System.Text;

namespace VcSync.Vim.Tests.Fakes;

/// <summary>Recorded-style vim25 responses for the fake server.</summary>
internal static class SoapXml
{
    public const string EnvelopeStart =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soapenv:Envelope xmlns:soapenc=\"http://schemas.xmlsoap.org/soap/encoding/\" " +
        "xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" " +
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n<soapenv:Body>";

    public const string EnvelopeEnd = "</soapenv:Body>\n</soapenv:Envelope>";

    public const string ServiceContentXml =
        "<RetrieveServiceContentResponse xmlns=\"urn:vim25\"><returnval>" +
        "<rootFolder type=\"Folder\">group-d1</rootFolder><propertyCollector type=\"PropertyCollector\">propertyCollector</propertyCollector>" +
        "<viewManager type=\"ViewManager\">ViewManager</viewManager><about><name>VMware vCenter Server</name>" +
        "<fullName>VMware vCenter Server 8.0.2 build-22385739</fullName><vendor>VMware, Inc.</vendor><version>8.0.2</version>" +
        "<build>22385739</build><osType>linux-x64</osType><productLineId>vpx</productLineId><apiType>VirtualCenter</apiType>" +
        "<apiVersion>8.0.2.0</apiVersion><instanceUuid>6f9b2c2e-1d1b-4c5e-9b0a-0e4a0f0c1d2e</instanceUuid></about>" +
        "<sessionManager type=\"SessionManager\">SessionManager</sessionManager><taskManager type=\"TaskManager\">TaskManager</taskManager>" +
        "</returnval></RetrieveServiceContentResponse>";

    public static string Envelope(string body) => EnvelopeStart + body + EnvelopeEnd;

    public static string Response(string method, string returnValInner) =>
        $"<{method}Response xmlns=\"urn:vim25\"><returnval>{returnValInner}</returnval></{method}Response>";

    public static HttpResponseMessage Ok(string body) => Xml(HttpStatusCode.OK, Envelope(body));

    public static HttpResponseMessage Xml(HttpStatusCode status, string document) =>
        new(status) { Content = new StringContent(document, Encoding.UTF8, "text/xml") };

    public static HttpResponseMessage Gzip(string document)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(document));
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new("text/xml") { CharSet = "utf-8" };
        content.Headers.ContentEncoding.Add("gzip");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    public static HttpResponseMessage Fault(string faultType, string message, string detailInner = "") =>
        Xml(
            HttpStatusCode.InternalServerError,
            Envelope(
                "<soapenv:Fault><faultcode>ServerFaultCode</faultcode>" +
                $"<faultstring>{message}</faultstring><detail><{faultType}Fault xmlns=\"urn:vim25\" xsi:type=\"{faultType}\">{detailInner}" +
                $"</{faultType}Fault></detail></soapenv:Fault>"));

    public static string Page(IEnumerable<string> objects, string? token, bool tokenFirst = false)
    {
        var tokenXml = token is null ? string.Empty : $"<token>{token}</token>";
        var objectsXml = string.Concat(objects);
        var inner = tokenFirst ? tokenXml + objectsXml : objectsXml + tokenXml;
        return $"<RetrievePropertiesExResponse xmlns=\"urn:vim25\"><returnval>{inner}</returnval></RetrievePropertiesExResponse>";
    }

    public static string ContinuePage(IEnumerable<string> objects, string? token) =>
        Page(objects, token).Replace("RetrievePropertiesExResponse", "ContinueRetrievePropertiesExResponse", StringComparison.Ordinal);

    public static string Vm(int i) =>
        $"<objects><obj type=\"VirtualMachine\">vm-{i}</obj><propSet><name>name</name><val xsi:type=\"xsd:string\">vm {i}</val></propSet>" +
        $"<propSet><name>runtime.powerState</name><val xsi:type=\"VirtualMachinePowerState\">poweredOn</val></propSet></objects>";

    public static IEnumerable<string> Vms(int from, int count) => Enumerable.Range(from, count).Select(Vm);
}
