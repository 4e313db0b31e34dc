using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.InventoryPaths;

namespace VcSync.Inventory.Mapping;

/// <summary>Maps a <c>VirtualMachine</c> to a <see cref="VmRecord"/>; host and cluster names are set by <see cref="ReferenceResolver"/>.</summary>
/// <remarks>A new column: a local, a <c>case</c> for its path (read with the method of its column's type), an initializer.</remarks>
internal static class VmMapper
{
    public static VmRecord Map(ObjectContent content, PropertyReader read)
    {
        string? name = null, uuid = null, powerState = null, hostMoref = null, ip = null;
        string? toolsStatus = null, toolsVersionStatus = null, guestOs = null;
        int? cpus = null, memory = null;
        bool? template = null;
        long? uncommitted = null;
        var props = content.PropSet;
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            switch (p.Name)
            {
                case Name: name = read.String(p); break;
                case VmUuid: uuid = read.String(p); break;
                case VmNumCpu: cpus = read.Int(p); break;
                case VmMemoryMb: memory = read.Int(p); break;
                case VmTemplate: template = read.Bool(p); break;
                case VmPowerState: powerState = read.String(p); break;
                case VmHost: hostMoref = read.MoRef(p); break;
                case VmIpAddress: ip = read.String(p); break;
                case VmToolsStatus: toolsStatus = read.String(p); break;
                case VmToolsVersionStatus: toolsVersionStatus = read.String(p); break;
                case VmGuestFullName: guestOs = read.String(p); break;
                case VmUncommitted: uncommitted = read.Long(p); break;
                default: break;
            }
        }

        return new VmRecord
        {
            Moref = content.Obj.Value,
            Name = name ?? string.Empty,
            VmUuid = uuid,
            CpuCount = cpus,
            MemoryMb = memory,
            IsTemplate = template,
            PowerState = powerState,
            HostMoref = hostMoref,
            IpAddress = ip,
            ToolsStatus = toolsStatus,
            ToolsVersionStatus = toolsVersionStatus,
            GuestOs = guestOs,
            DiskUncommittedBytes = uncommitted,
        };
    }
}
