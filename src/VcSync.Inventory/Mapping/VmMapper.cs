using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.InventoryPaths;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Maps a <c>VirtualMachine</c> to a <see cref="VmRecord"/> and its child rows (<see cref="MappedVm"/>); host, cluster,
/// folder, resource pool, network and datastore names are set by <see cref="ReferenceResolver"/>.
/// </summary>
/// <remarks>A new column: a local, a <c>case</c> for its path (read with the method of its column's type), an initializer.</remarks>
internal static class VmMapper
{
    public static MappedVm Map(ObjectContent content, PropertyReader read, MapScratch scratch)
    {
        string? name = null, uuid = null, powerState = null, hostMoref = null, ip = null;
        string? toolsStatus = null, toolsVersionStatus = null, guestOs = null;
        int? cpus = null, memory = null;
        bool? template = null;
        long? uncommitted = null;
        string? pool = null, annotation = null, hardwareVersion = null, firmware = null, connectionState = null;
        string? guestHostname = null, guestState = null, configGuestId = null, toolsGuestId = null, toolsGuestOs = null;
        string? toolsVersion = null, toolsRunning = null;
        bool? secureBoot = null;
        DateTimeOffset? created = null, booted = null;
        int? coresPerSocket = null;
        long? committed = null, unshared = null;
        object? cpuAllocation = null, memoryAllocation = null, devices = null, snapshot = null, guestNet = null, guestDisk = null;
        object? customValue = null;
        ManagedObjectReference? parent = null;
        foreach (var p in ValueItems.Properties(content))
        {
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
                case Parent: parent = p.Value as ManagedObjectReference; break;
                case VmResourcePool: pool = read.MoRef(p); break;
                case VmAnnotation: annotation = read.String(p); break;
                case VmHardwareVersion: hardwareVersion = read.String(p); break;
                case VmFirmware: firmware = read.String(p); break;
                case VmSecureBoot: secureBoot = read.Bool(p); break;
                case VmCreateDate: created = VimValue.AsUtc(p.Value); break;
                case VmConnectionState: connectionState = read.String(p); break;
                case VmBootTime: booted = VimValue.AsUtc(p.Value); break;
                case VmGuestHostName: guestHostname = read.String(p); break;
                case VmGuestState: guestState = read.String(p); break;
                case VmConfigGuestId: configGuestId = read.String(p); break;
                case VmToolsGuestId: toolsGuestId = read.String(p); break;
                case VmToolsGuestFullName: toolsGuestOs = read.String(p); break;
                case VmToolsVersion: toolsVersion = read.String(p); break;
                case VmToolsRunningStatus: toolsRunning = read.String(p); break;
                case VmCoresPerSocket: coresPerSocket = read.Int(p); break;
                case VmCommitted: committed = read.Long(p); break;
                case VmUnshared: unshared = read.Long(p); break;
                case VmCpuAllocation: cpuAllocation = p.Value; break;
                case VmMemoryAllocation: memoryAllocation = p.Value; break;
                case VmDevices: devices = p.Value; break;
                case VmSnapshot: snapshot = p.Value; break;
                case VmGuestNet: guestNet = p.Value; break;
                case VmGuestDisk: guestDisk = p.Value; break;
                case CustomValue: customValue = p.Value; break;
                default: break;
            }
        }

        var moref = content.Obj.Value;
        // The addresses first: the NICs take theirs as they are mapped.
        var allAddresses = GuestMapper.Addresses(guestNet, scratch);
        var (nics, disks) = VmDeviceMapper.Map(moref, devices, scratch);
        long? diskCapacity = null;
        var overflow = false;
        foreach (var disk in disks)
        {
            if (disk.CapacityBytes is { } bytes && !overflow)
            {
                diskCapacity = LenientValue.Add(diskCapacity ?? 0, bytes);
                overflow = diskCapacity is null;
            }
        }

        var snapshots = SnapshotMapper.Map(moref, snapshot, scratch);
        var record = new VmRecord
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
            Annotation = annotation,
            HardwareVersion = hardwareVersion,
            Firmware = firmware,
            SecureBoot = secureBoot,
            CreationDate = created,
            ConnectionState = connectionState,
            BootTime = booted,
            GuestHostname = guestHostname,
            GuestState = guestState,
            ConfigGuestId = configGuestId,
            ToolsGuestId = toolsGuestId,
            ToolsGuestOs = toolsGuestOs,
            ToolsVersion = toolsVersion,
            ToolsRunningStatus = toolsRunning,
            IpAddresses = allAddresses,
            CoresPerSocket = coresPerSocket,
            DiskCapacityBytes = diskCapacity,
            DiskCommittedBytes = committed,
            DiskUnsharedBytes = unshared,
            DiskProvisionedBytes = LenientValue.Add(committed, uncommitted),
            CpuReservationMhz = LenientValue.Long(LenientValue.Field(cpuAllocation, "reservation")),
            CpuLimitMhz = LenientValue.Long(LenientValue.Field(cpuAllocation, "limit")),
            CpuShares = LenientValue.Int(LenientValue.Path(cpuAllocation, "shares.shares")),
            CpuSharesLevel = LenientValue.String(LenientValue.Path(cpuAllocation, "shares.level")),
            MemoryReservationMb = LenientValue.Long(LenientValue.Field(memoryAllocation, "reservation")),
            MemoryLimitMb = LenientValue.Long(LenientValue.Field(memoryAllocation, "limit")),
            MemoryShares = LenientValue.Int(LenientValue.Path(memoryAllocation, "shares.shares")),
            MemorySharesLevel = LenientValue.String(LenientValue.Path(memoryAllocation, "shares.level")),
            NicCount = devices is null ? null : nics.Length,
            DiskCount = devices is null ? null : disks.Length,
            // Counted when the device list came: an unset snapshot property means no snapshots, not an unread one.
            SnapshotCount = devices is null ? null : snapshots.Length,
        };
        return new MappedVm(
            record, parent, pool, CustomAttributes.Values(customValue, scratch), nics, disks, GuestMapper.Partitions(moref, guestDisk, scratch), snapshots);
    }
}
