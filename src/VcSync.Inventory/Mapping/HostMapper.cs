using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.InventoryPaths;

namespace VcSync.Inventory.Mapping;

/// <summary>Maps a <c>HostSystem</c> to a <see cref="HostRecord"/>; the cluster's name is set by <see cref="ReferenceResolver"/>.</summary>
/// <remarks>A new column: a local, a <c>case</c> for its path (read with the method of its column's type), an initializer.</remarks>
internal static class HostMapper
{
    public static HostRecord Map(ObjectContent content, PropertyReader read)
    {
        string? name = null, clusterMoref = null, version = null, build = null, connectionState = null;
        object? serial = null, otherInfo = null, bios = null;
        bool? maintenance = null;
        string? vendor = null, model = null, cpuModel = null;
        int? sockets = null, cores = null, threads = null, mhz = null, nics = null, hbas = null;
        long? memory = null;
        DateTimeOffset? booted = null;
        var props = content.PropSet;
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            switch (p.Name)
            {
                case Name: name = read.String(p); break;
                case Parent:
                    clusterMoref = p.Value is ManagedObjectReference { Type: Types.ClusterComputeResource } parent
                        ? parent.Value
                        : null;
                    break;
                case HostSerialNumber: serial = p.Value; break;
                case HostOtherIdentifyingInfo: otherInfo = p.Value; break;
                case HostProductVersion: version = read.String(p); break;
                case HostProductBuild: build = read.String(p); break;
                case HostConnectionState: connectionState = read.String(p); break;
                case HostInMaintenanceMode: maintenance = read.Bool(p); break;
                case HostVendor: vendor = read.String(p); break;
                case HostModel: model = read.String(p); break;
                case HostCpuModel: cpuModel = read.String(p); break;
                case HostCpuPackages: sockets = read.Int(p); break;
                case HostCpuCores: cores = read.Int(p); break;
                case HostCpuThreads: threads = read.Int(p); break;
                case HostCpuMhz: mhz = read.Int(p); break;
                case HostMemorySize: memory = read.Long(p); break;
                case HostNumNics: nics = read.Int(p); break;
                case HostNumHbas: hbas = read.Int(p); break;
                case HostBiosInfo: bios = p.Value; break;
                case HostBootTime: booted = VimValue.AsUtc(p.Value); break;
                default: break;
            }
        }

        return new HostRecord
        {
            Moref = content.Obj.Value,
            Name = name ?? string.Empty,
            ClusterMoref = clusterMoref,
            SerialNumber = ServiceTagRules.FromHost(serial, otherInfo),
            EsxiVersion = version,
            EsxiBuild = build,
            ConnectionState = connectionState,
            InMaintenanceMode = maintenance,
            Vendor = vendor,
            Model = model,
            CpuModel = cpuModel,
            CpuSockets = sockets,
            CpuCores = cores,
            CpuThreads = threads,
            CpuMhz = mhz,
            MemoryBytes = memory,
            NicCount = nics,
            HbaCount = hbas,
            BiosVendor = LenientValue.String(LenientValue.Field(bios, "vendor")),
            BiosVersion = LenientValue.String(LenientValue.Field(bios, "biosVersion")),
            BiosDate = LenientValue.Utc(LenientValue.Field(bios, "releaseDate")),
            BootTime = booted,
        };
    }
}
