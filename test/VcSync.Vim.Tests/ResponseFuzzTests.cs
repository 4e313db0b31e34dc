using System.Net;
using System.Text;
using VcSync.Vim.Faults;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Tests.Fakes;
using VcSync.Vim.Values;

namespace VcSync.Vim.Tests;

/// <summary>
/// Fuzzes the page parser: pages shaped like recorded vCenter pages, mutated at random (fixed seed, fixed count).
/// Every input must either parse or fail with a <see cref="VimException"/>; any other exception, or a hang, fails.
/// </summary>
public sealed class ResponseFuzzTests
{
    /// <summary>How many inputs one run tries (recorded in docs/reliability.md).</summary>
    public const int Inputs = 2000;

    private const int Seed = 20261126;

    private static readonly PropertyFilterSpec AnySpec = new(
        [new PropertySpec("HostSystem", ["name"])], [new ObjectSpec(new ManagedObjectReference("ContainerView", "view-1"), true, [])]);

    private static readonly string[] Snippets =
    [
        "<", ">", "</val>", "<val>", "<val xsi:type=\"xsd:int\">", "<val xsi:type=\"xsd:dateTime\">", "xsi:type=\"ArrayOfString\"",
        "xsi:type=\"nope:X\"", "xsi:type=\"\"", "xsi:nil=\"true\"", "&amp;", "&#0;", "&#xD800;", "&bogus;", "<![CDATA[x]]>", "<!DOCTYPE x>",
        "<?pi x?>", "<!-- c -->", "<token>t1</token>", "<objects>", "</objects>", "<propSet>", "<obj>", "type=\"\"", "\u0000", "\uFFFE",
        "<obj type=\"HostSystem\">host-9</obj>", "<missingSet><path>name</path><fault><fault xsi:type=\"NotAuthenticated\"/></fault></missingSet>",
        "<soapenv:Fault><faultcode>x</faultcode><faultstring>y</faultstring></soapenv:Fault>", "xmlns=\"\"", "xmlns:xsi=\"urn:other\"",
        "<val xsi:type=\"ManagedObjectReference\">x</val>", "<val xsi:type=\"xsd:base64Binary\">@@</val>", "99999999999999999999",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mutated_pages_parse_or_raise_a_VimException_and_never_anything_else()
    {
        var random = new Random(Seed);
        var seeds = SeedPages().Select(Encoding.UTF8.GetBytes).ToArray();
        byte[] current = [];
        var fake = new FakeVim()
            .On("RetrievePropertiesEx", _ => Bytes(current))
            .On("ContinueRetrievePropertiesEx", _ => SoapXml.Ok(SoapXml.ContinuePage([SoapXml.Vm(7)], null)))
            .On("CancelRetrievePropertiesEx", _ => SoapXml.Ok("<CancelRetrievePropertiesExResponse xmlns=\"urn:vim25\"/>"));
        await using var client = await VimClient.ConnectAsync(
            new VimClientOptions { Url = new Uri("https://vc.test"), CallTimeout = TimeSpan.FromSeconds(10), MaxResponseCharacters = 4 * 1024 * 1024 }, fake, Ct);

        var parsed = 0;
        var refused = 0;
        var surprises = new List<string>();
        for (var i = 0; i < Inputs; i++)
        {
            current = Mutate(seeds[random.Next(seeds.Length)], random);
            try
            {
                await DrainAsync(client).WaitAsync(TimeSpan.FromSeconds(20), Ct);
                parsed++;
            }
            catch (VimException)
            {
                refused++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !Ct.IsCancellationRequested)
            {
                surprises.Add($"input {i}: {e.GetType().Name}: {e.Message}\n{Encoding.UTF8.GetString(current)}");
            }
        }

        Assert.Empty(surprises);
        Assert.Equal(Inputs, parsed + refused);
        TestContext.Current.SendDiagnosticMessage($"fuzz: {Inputs} inputs, {parsed} parsed, {refused} refused");

        // The mutations must exercise both outcomes, or the test proves little.
        Assert.InRange(parsed, Inputs / 50, Inputs);
        Assert.InRange(refused, Inputs / 20, Inputs);
    }

    private static async Task DrainAsync(VimClient client)
    {
        await foreach (var content in client.RetrievePropertiesAsync(AnySpec, null, Ct))
        {
            _ = content.PropSet.Count + content.MissingSet.Count;
        }
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var mutations = random.Next(1, 3);
        for (var m = 0; m < mutations && bytes.Count > 2; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at));
                    break;
                case 2:
                    var length = Math.Min(random.Next(1, 80), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                case 5:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Snippets[random.Next(Snippets.Length)]));
                    break;
                default:
                    bytes[at] = (byte)random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }

    private static HttpResponseMessage Bytes(byte[] document)
    {
        var content = new ByteArrayContent(document);
        content.Headers.ContentType = new("text/xml") { CharSet = "utf-8" };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>Pages shaped like recorded vCenter pages: hosts with hardware info, VMs with devices, alarms, missingSet, a token.</summary>
    internal static IEnumerable<string> SeedPages()
    {
        const string host =
            "<objects><obj type=\"HostSystem\">host-21</obj>" +
            "<propSet><name>name</name><val xsi:type=\"xsd:string\">esx-01.lab &amp; co</val></propSet>" +
            "<propSet><name>hardware.systemInfo</name><val xsi:type=\"HostSystemInfo\"><vendor>Dell Inc.</vendor><model>PowerEdge R740</model>" +
            "<uuid>4c4c4544-0042</uuid><otherIdentifyingInfo><identifierValue>ABC1234</identifierValue><identifierType><label>Service tag</label>" +
            "<summary>Service tag of the system</summary><key>ServiceTag</key></identifierType></otherIdentifyingInfo><serialNumber>ABC1234</serialNumber></val></propSet>" +
            "<propSet><name>parent</name><val type=\"ClusterComputeResource\" xsi:type=\"ManagedObjectReference\">domain-c7</val></propSet>" +
            "<propSet><name>runtime.inMaintenanceMode</name><val xsi:type=\"xsd:boolean\">false</val></propSet>" +
            "<propSet><name>triggeredAlarmState</name><val xsi:type=\"ArrayOfAlarmState\"><AlarmState xsi:type=\"AlarmState\"><key>alarm-7.host-21</key>" +
            "<entity type=\"HostSystem\">host-21</entity><alarm type=\"Alarm\">alarm-7</alarm><overallStatus>red</overallStatus>" +
            "<time>2026-11-20T10:11:12.123Z</time><acknowledged>false</acknowledged></AlarmState></val></propSet></objects>";
        const string vm =
            "<objects><obj type=\"VirtualMachine\">vm-42</obj>" +
            "<propSet><name>name</name><val xsi:type=\"xsd:string\">'; DROP TABLE vms;-- [red]x[/]</val></propSet>" +
            "<propSet><name>config.hardware.numCPU</name><val xsi:type=\"xsd:int\">4</val></propSet>" +
            "<propSet><name>config.hardware.memoryMB</name><val xsi:type=\"xsd:int\">8192</val></propSet>" +
            "<propSet><name>network</name><val xsi:type=\"ArrayOfManagedObjectReference\"><ManagedObjectReference type=\"Network\" xsi:type=\"ManagedObjectReference\">network-1</ManagedObjectReference>" +
            "<ManagedObjectReference type=\"DistributedVirtualPortgroup\" xsi:type=\"ManagedObjectReference\">dvportgroup-9</ManagedObjectReference></val></propSet>" +
            "<propSet><name>guest.ipAddress</name><val xsi:type=\"xsd:string\">10.0.0.5</val></propSet>" +
            "<propSet><name>summary.storage.committed</name><val xsi:type=\"xsd:long\">123456789012</val></propSet>" +
            "<propSet><name>config.extraConfig</name><val xsi:type=\"ArrayOfOptionValue\"><OptionValue xsi:type=\"OptionValue\"><key>a</key><value xsi:type=\"xsd:string\">b</value></OptionValue></val></propSet></objects>";
        const string missing =
            "<objects><obj type=\"Datastore\">datastore-3</obj><missingSet><path>summary</path><fault><fault xsi:type=\"NoPermission\">" +
            "<object type=\"Datastore\">datastore-3</object><privilegeId>System.Read</privilegeId></fault><localizedMessage>denied</localizedMessage></fault></missingSet></objects>";
        yield return SoapXml.Envelope(SoapXml.Page([host, vm], "t1"));
        yield return SoapXml.Envelope(SoapXml.Page([vm, missing, host], null, tokenFirst: true));
        yield return SoapXml.Envelope(SoapXml.Page([SoapXml.Vm(1), SoapXml.Vm(2), missing], null));
    }
}
