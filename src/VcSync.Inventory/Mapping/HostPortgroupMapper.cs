using VcSync.Inventory.Records;
using static VcSync.Inventory.Mapping.LenientValue;

namespace VcSync.Inventory.Mapping;

/// <summary>Maps a host's <c>config.network.portgroup</c> (standard-switch portgroups) to records.</summary>
internal static class HostPortgroupMapper
{
    public static List<HostPortgroupRecord> Map(string hostMoref, object? portgroups)
    {
        var items = VimValue.AsList(portgroups);
        var records = new List<HostPortgroupRecord>(items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var spec = Field(items[i], "spec");
            if (String(Field(spec, "name")) is { } name && seen.Add(name))
            {
                records.Add(new HostPortgroupRecord
                {
                    HostMoref = hostMoref,
                    PortgroupName = name,
                    VswitchName = String(Field(spec, "vswitchName")),
                    VlanId = Int(Field(spec, "vlanId")),
                });
            }
        }

        return records;
    }
}
