using VcSync.Vim.Faults;
using VcSync.Vim.Tests.Fakes;
using VcSync.Vim.Values;

namespace VcSync.Vim.Tests;

public sealed class ValueDecoderTests
{
    [Theory]
    [InlineData("xsd:string", "hello", "hello")]
    [InlineData("xsd:int", "-42", -42)]
    [InlineData("xsd:long", "17179869184", 17179869184L)]
    [InlineData("xsd:short", "12", (short)12)]
    [InlineData("xsd:byte", "7", (byte)7)]
    [InlineData("xsd:boolean", "true", true)]
    [InlineData("xsd:boolean", "0", false)]
    [InlineData("xsd:double", "1.5", 1.5)]
    [InlineData("xsd:float", "2.25", 2.25f)]
    public void Decodes_xsd_primitives(string type, string text, object expected)
    {
        Assert.Equal(expected, Decode.Value($"<val xsi:type=\"{type}\">{text}</val>"));
    }

    [Fact]
    public void Decodes_dateTime_as_utc_and_base64_as_bytes()
    {
        var time = Assert.IsType<DateTimeOffset>(Decode.Value("<val xsi:type=\"xsd:dateTime\">2024-03-01T10:20:30.123456+02:00</val>"));
        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 20, 30, TimeSpan.Zero).AddTicks(1234560), time);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero), Decode.Value("<val xsi:type=\"xsd:dateTime\">2024-03-01T08:00:00Z</val>"));
        Assert.Equal(new byte[] { 1, 2, 3 }, Decode.Value("<val xsi:type=\"xsd:base64Binary\">AQID</val>"));
    }

    [Fact]
    public void Resolves_xsi_type_prefix_declared_on_the_element_itself_as_vcsim_writes_it()
    {
        const string xml = "<val xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" XMLSchema-instance:type=\"xsd:int\">5</val>";
        Assert.Equal(5, Decode.Value(xml));
    }

    [Fact]
    public void Resolves_odd_prefixes_through_the_namespace_scope()
    {
        Assert.Equal(9L, Decode.Value("<val xmlns:q=\"http://www.w3.org/2001/XMLSchema\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" i:type=\"q:long\">9</val>"));
        Assert.Equal(3, Decode.Value("<val s:type=\"t:int\">3</val>", rootAttributes: "xmlns:s=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:t=\"http://www.w3.org/2001/XMLSchema\""));
        var moRef = Assert.IsType<ManagedObjectReference>(Decode.Value("<val xmlns:v=\"urn:vim25\" xsi:type=\"v:ManagedObjectReference\" type=\"HostSystem\">host-9</val>"));
        Assert.Equal(new ManagedObjectReference("HostSystem", "host-9"), moRef);
    }

    [Fact]
    public void A_prefix_that_is_not_the_schema_namespace_is_not_taken_for_it()
    {
        // "xsd" bound to urn:vim25: xsd:Foo is the vim type Foo, not an XML Schema type.
        var data = Decode.Data("<val xmlns:xsd=\"urn:vim25\" xsi:type=\"xsd:Foo\"><a>1</a></val>");
        Assert.Equal("Foo", data.TypeName);
    }

    [Fact]
    public void An_undeclared_prefix_is_a_protocol_error()
    {
        Assert.Throws<VimProtocolException>(() => Decode.Value("<val xsi:type=\"nope:int\">1</val>"));
    }

    [Fact]
    public void Nil_is_reported_as_nil()
    {
        Assert.Same(Decode.Nil, Decode.Value("<val xsi:nil=\"true\"/>"));
        Assert.Same(Decode.Nil, Decode.Value("<val xsi:type=\"xsd:int\" xsi:nil=\"1\"></val>"));
    }

    [Fact]
    public void Nil_fields_are_absent_from_data_objects()
    {
        var data = Decode.Data("<val xsi:type=\"Thing\"><a>1</a><b xsi:nil=\"true\"/></val>");
        Assert.Single(data.Fields);
        Assert.Null(data["b"]);
    }

    [Theory]
    [InlineData("<val xsi:type=\"ArrayOfString\"/>")]
    [InlineData("<val xsi:type=\"ArrayOfManagedObjectReference\"></val>")]
    [InlineData("<val xsi:type=\"ArrayOfDatastoreHostMount\"> </val>")]
    public void Empty_arrays_are_empty_lists(string xml)
    {
        Assert.Empty(Decode.List(Decode.Value(xml)));
    }

    [Fact]
    public void Decodes_arrays_of_primitives_and_references()
    {
        Assert.Equal(["a", "b <&>"], Decode.List(Decode.Value("<val xsi:type=\"ArrayOfString\"><string>a</string><string>b &lt;&amp;&gt;</string></val>")));
        Assert.Equal([1, 2], Decode.List(Decode.Value("<val xsi:type=\"ArrayOfInt\"><int>1</int><int>2</int></val>")));
        var refs = Decode.List(Decode.Value(
            "<val xsi:type=\"ArrayOfManagedObjectReference\"><ManagedObjectReference type=\"VirtualMachine\">vm-1</ManagedObjectReference>" +
            "<ManagedObjectReference xsi:type=\"ManagedObjectReference\" type=\"VirtualMachine\">vm-2</ManagedObjectReference></val>"));
        Assert.Equal([new ManagedObjectReference("VirtualMachine", "vm-1"), new ManagedObjectReference("VirtualMachine", "vm-2")], refs);
    }

    [Fact]
    public void Decodes_ArrayOfDatastoreHostMount_with_key_references_and_mount_info()
    {
        const string xml =
            "<val xsi:type=\"ArrayOfDatastoreHostMount\"><DatastoreHostMount><key type=\"HostSystem\">host-1</key>" +
            "<mountInfo><path>/vmfs/volumes/abc</path><accessMode>readWrite</accessMode><mounted>true</mounted><accessible>true</accessible></mountInfo>" +
            "</DatastoreHostMount><DatastoreHostMount xsi:type=\"DatastoreHostMount\"><key type=\"HostSystem\">host-2</key>" +
            "<mountInfo xsi:type=\"HostMountInfo\"><accessMode>readOnly</accessMode><accessible>false</accessible></mountInfo></DatastoreHostMount></val>";
        var mounts = Decode.List(Decode.Value(xml));
        Assert.Equal(2, mounts.Count);
        var first = Assert.IsType<DataObject>(mounts[0]);
        Assert.Equal("DatastoreHostMount", first.TypeName);
        Assert.Equal(new ManagedObjectReference("HostSystem", "host-1"), first["key"]);
        Assert.Equal("HostMountInfo", Assert.IsType<DataObject>(first["mountInfo"]).TypeName);
        Assert.Equal(true, first.Get("mountInfo.accessible"));
        Assert.Equal("/vmfs/volumes/abc", first.Get("mountInfo.path"));
        Assert.Equal(false, Assert.IsType<DataObject>(mounts[1]).Get("mountInfo.accessible"));
    }

    [Fact]
    public void Decodes_otherIdentifyingInfo()
    {
        const string xml =
            "<val xsi:type=\"ArrayOfHostSystemIdentificationInfo\">" +
            "<HostSystemIdentificationInfo><identifierValue> VMware-42 1a</identifierValue><identifierType><label>Service tag</label>" +
            "<summary>Service tag of the system</summary><key>ServiceTag</key></identifierType></HostSystemIdentificationInfo>" +
            "<HostSystemIdentificationInfo><identifierValue>ABC123</identifierValue><identifierType><label>Serial number tag</label>" +
            "<summary>Serial number</summary><key>SerialNumberTag</key></identifierType></HostSystemIdentificationInfo></val>";
        var infos = Decode.List(Decode.Value(xml)).Cast<DataObject>().ToList();
        Assert.Equal(" VMware-42 1a", infos[0]["identifierValue"]);
        Assert.Equal("ElementDescription", Assert.IsType<DataObject>(infos[0]["identifierType"]).TypeName);
        Assert.Equal("SerialNumberTag", infos[1].Get("identifierType.key"));
        Assert.Equal("ABC123", infos[1]["identifierValue"]);
    }

    [Fact]
    public void Decodes_each_VLAN_spec_kind_of_a_VMwareDVSPortSetting()
    {
        static DataObject Port(string vlan) => Decode.Data(
            $"<val xsi:type=\"VMwareDVSPortSetting\"><blocked><inherited>false</inherited><value>false</value></blocked>{vlan}</val>");

        var id = Port("<vlan xsi:type=\"VmwareDistributedVirtualSwitchVlanIdSpec\"><inherited>false</inherited><vlanId>100</vlanId></vlan>");
        Assert.Equal("VMwareDVSPortSetting", id.TypeName);
        Assert.Equal("VmwareDistributedVirtualSwitchVlanIdSpec", Assert.IsType<DataObject>(id["vlan"]).TypeName);
        Assert.Equal(100, id.Get("vlan.vlanId"));
        Assert.Equal(false, id.Get("vlan.inherited"));

        var trunk = Port(
            "<vlan xsi:type=\"VmwareDistributedVirtualSwitchTrunkVlanSpec\"><inherited>false</inherited>" +
            "<vlanId><start>10</start><end>20</end></vlanId><vlanId><start>30</start><end>30</end></vlanId></vlan>");
        var ranges = Decode.List(trunk.Get("vlan.vlanId")).Cast<DataObject>().ToList();
        Assert.Equal([10, 30], ranges.Select(r => r["start"]));
        Assert.Equal([20, 30], ranges.Select(r => r["end"]));
        Assert.Equal("NumericRange", ranges[0].TypeName);

        var singleTrunk = Port("<vlan xsi:type=\"VmwareDistributedVirtualSwitchTrunkVlanSpec\"><vlanId><start>0</start><end>4094</end></vlanId></vlan>");
        Assert.Single(Decode.List(singleTrunk.Get("vlan.vlanId")));

        var pvlan = Port("<vlan xsi:type=\"VmwareDistributedVirtualSwitchPvlanSpec\"><inherited>false</inherited><pvlanId>301</pvlanId></vlan>");
        Assert.Equal(301, pvlan.Get("vlan.pvlanId"));
    }

    [Fact]
    public void Keeps_unknown_types_generically_and_infers_untyped_fields()
    {
        var data = Decode.Data(
            "<val xsi:type=\"BrandNewThing\"><count>3</count><owner type=\"HostSystem\">host-4</owner><nested><x>1</x><y>two</y></nested>" +
            "<item>a</item><item>b</item><typed xsi:type=\"xsd:int\">8</typed><state xsi:type=\"BrandNewState\">green</state><empty/></val>");
        Assert.Equal("BrandNewThing", data.TypeName);
        Assert.Equal("3", data["count"]);
        Assert.Equal(new ManagedObjectReference("HostSystem", "host-4"), data["owner"]);
        var nested = Assert.IsType<DataObject>(data["nested"]);
        Assert.Equal(string.Empty, nested.TypeName);
        Assert.Equal("two", nested["y"]);
        Assert.Equal(["a", "b"], Decode.List(data["item"]));
        Assert.Equal(8, data["typed"]);
        Assert.Equal("green", data["state"]);
        Assert.Equal(string.Empty, data["empty"]);
        Assert.Equal(["count", "owner", "nested", "item", "typed", "state", "empty"], data.Fields.Select(f => f.Key));
    }

    [Fact]
    public void Decodes_enums_and_untyped_text_as_strings()
    {
        Assert.Equal("poweredOff", Decode.Value("<val xsi:type=\"VirtualMachinePowerState\">poweredOff</val>"));
        Assert.Equal("plain", Decode.Value("<val>plain</val>"));
        Assert.Equal("  spaced  ", Decode.Value("<val xsi:type=\"xsd:string\">  spaced  </val>"));
        Assert.Equal(string.Empty, Decode.Value("<val xsi:type=\"xsd:string\"/>"));
    }

    [Theory]
    [InlineData("<val xsi:type=\"xsd:int\">twelve</val>", "int", "twelve")]
    [InlineData("<val xsi:type=\"xsd:int\"> 2147483648 </val>", "int", "2147483648")]
    [InlineData("<val xsi:type=\"xsd:short\">40000</val>", "short", "40000")]
    [InlineData("<val xsi:type=\"xsd:boolean\">yes</val>", "boolean", "yes")]
    [InlineData("<val xsi:type=\"xsd:double\">fast</val>", "double", "fast")]
    [InlineData("<val xsi:type=\"xsd:int\"/>", "int", "")]
    public void Primitives_whose_text_does_not_parse_are_kept_as_unparsed_text(string xml, string type, string text)
    {
        Assert.Equal(new UnparsedValue(type, text), Decode.Value(xml));
    }

    [Fact]
    public void An_element_inside_a_primitive_is_a_protocol_error()
    {
        Assert.Throws<VimProtocolException>(() => Decode.Value("<val xsi:type=\"xsd:int\"><x/></val>"));
    }
}
