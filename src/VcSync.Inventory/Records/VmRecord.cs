namespace VcSync.Inventory.Records;

/// <summary>A <c>VirtualMachine</c>, as the <c>vcenter_vms</c> table holds it.</summary>
public sealed record VmRecord : IInventoryRecord
{
    // What the mapping resolves after the last page. It resolves a VM's record in place, once, before handing it out
    // (see Resolve), instead of copying it: a VM's row is several hundred bytes and the largest part of a fetch's records.
    private string? _hostName;
    private string? _clusterName;
    private string? _datacenter;
    private string? _folderPath;
    private string? _resourcePool;
    private string? _customAttributes;

    /// <inheritdoc />
    public required string Moref { get; init; }

    /// <inheritdoc />
    public required string Name { get; init; }

    /// <summary><c>config.uuid</c>.</summary>
    public string? VmUuid { get; init; }

    /// <summary><c>config.hardware.numCPU</c>.</summary>
    public int? CpuCount { get; init; }

    /// <summary><c>config.hardware.memoryMB</c>.</summary>
    public int? MemoryMb { get; init; }

    /// <summary><c>config.template</c>.</summary>
    public bool? IsTemplate { get; init; }

    /// <summary><c>runtime.powerState</c>.</summary>
    public string? PowerState { get; init; }

    /// <summary><c>runtime.host</c>.</summary>
    public string? HostMoref { get; init; }

    /// <summary>That host's name.</summary>
    public string? HostName { get => _hostName; init => _hostName = value; }

    /// <summary>The cluster of that host; null when standalone.</summary>
    public string? ClusterName { get => _clusterName; init => _clusterName = value; }

    /// <summary><c>guest.ipAddress</c>.</summary>
    public string? IpAddress { get; init; }

    /// <summary><c>guest.toolsStatus</c>.</summary>
    public string? ToolsStatus { get; init; }

    /// <summary><c>guest.toolsVersionStatus</c>.</summary>
    public string? ToolsVersionStatus { get; init; }

    /// <summary><c>summary.config.guestFullName</c>.</summary>
    public string? GuestOs { get; init; }

    /// <summary><c>summary.storage.uncommitted</c>, bytes.</summary>
    public long? DiskUncommittedBytes { get; init; }

    /// <summary>The datacenter the object is in.</summary>
    public string? Datacenter { get => _datacenter; init => _datacenter = value; }

    /// <summary>The folders between the datacenter's hidden type folder and the object, <c>/A/B</c>; <c>/</c> at the top.</summary>
    public string? FolderPath { get => _folderPath; init => _folderPath = value; }

    /// <summary><c>resourcePool</c>, by name.</summary>
    public string? ResourcePool { get => _resourcePool; init => _resourcePool = value; }

    /// <summary><c>config.annotation</c>.</summary>
    public string? Annotation { get; init; }

    /// <summary><c>config.version</c>, e.g. <c>vmx-19</c>.</summary>
    public string? HardwareVersion { get; init; }

    /// <summary><c>config.firmware</c>: <c>bios</c> or <c>efi</c>.</summary>
    public string? Firmware { get; init; }

    /// <summary><c>config.bootOptions.efiSecureBootEnabled</c>.</summary>
    public bool? SecureBoot { get; init; }

    /// <summary><c>config.createDate</c> (API 6.7 and later).</summary>
    public DateTimeOffset? CreationDate { get; init; }

    /// <summary><c>runtime.connectionState</c>.</summary>
    public string? ConnectionState { get; init; }

    /// <summary><c>runtime.bootTime</c>.</summary>
    public DateTimeOffset? BootTime { get; init; }

    /// <summary><c>guest.hostName</c>.</summary>
    public string? GuestHostname { get; init; }

    /// <summary><c>guest.guestState</c>.</summary>
    public string? GuestState { get; init; }

    /// <summary><c>config.guestId</c>: the guest OS of the configuration.</summary>
    public string? ConfigGuestId { get; init; }

    /// <summary><c>guest.guestId</c>: the guest OS the tools report.</summary>
    public string? ToolsGuestId { get; init; }

    /// <summary><c>guest.guestFullName</c>: the guest OS the tools report, in full.</summary>
    public string? ToolsGuestOs { get; init; }

    /// <summary><c>guest.toolsVersion</c>.</summary>
    public string? ToolsVersion { get; init; }

    /// <summary><c>guest.toolsRunningStatus</c>.</summary>
    public string? ToolsRunningStatus { get; init; }

    /// <summary>Every address of <c>guest.net</c>, in order, distinct, comma-separated.</summary>
    public string? IpAddresses { get; init; }

    /// <summary><c>config.hardware.numCoresPerSocket</c>.</summary>
    public int? CoresPerSocket { get; init; }

    /// <summary>The virtual disks' capacities added up, bytes.</summary>
    public long? DiskCapacityBytes { get; init; }

    /// <summary><c>summary.storage.committed</c>, bytes.</summary>
    public long? DiskCommittedBytes { get; init; }

    /// <summary><c>summary.storage.unshared</c>, bytes.</summary>
    public long? DiskUnsharedBytes { get; init; }

    /// <summary>Committed plus uncommitted, bytes.</summary>
    public long? DiskProvisionedBytes { get; init; }

    /// <summary><c>config.cpuAllocation.reservation</c>.</summary>
    public long? CpuReservationMhz { get; init; }

    /// <summary><c>config.cpuAllocation.limit</c>; -1 is unlimited.</summary>
    public long? CpuLimitMhz { get; init; }

    /// <summary><c>config.cpuAllocation.shares.shares</c>.</summary>
    public int? CpuShares { get; init; }

    /// <summary><c>config.cpuAllocation.shares.level</c>.</summary>
    public string? CpuSharesLevel { get; init; }

    /// <summary><c>config.memoryAllocation.reservation</c>.</summary>
    public long? MemoryReservationMb { get; init; }

    /// <summary><c>config.memoryAllocation.limit</c>; -1 is unlimited.</summary>
    public long? MemoryLimitMb { get; init; }

    /// <summary><c>config.memoryAllocation.shares.shares</c>.</summary>
    public int? MemoryShares { get; init; }

    /// <summary><c>config.memoryAllocation.shares.level</c>.</summary>
    public string? MemorySharesLevel { get; init; }

    /// <summary>The number of virtual NICs.</summary>
    public int? NicCount { get; init; }

    /// <summary>The number of virtual disks.</summary>
    public int? DiskCount { get; init; }

    /// <summary>The number of snapshots.</summary>
    public int? SnapshotCount { get; init; }

    /// <summary><c>customValue</c> as a JSON object of attribute name to value, names sorted; null when there is none.</summary>
    public string? CustomAttributes { get => _customAttributes; init => _customAttributes = value; }

    /// <summary>
    /// Sets the resolved columns of a record the mapping made and has not handed out yet; every later resolve of the
    /// same VM copies it instead (<c>with</c>), so a record a caller holds never changes.
    /// </summary>
    internal void Resolve(string? hostName, string? clusterName, string? datacenter, string? folderPath, string? resourcePool, string? customAttributes)
    {
        _hostName = hostName;
        _clusterName = clusterName;
        _datacenter = datacenter;
        _folderPath = folderPath;
        _resourcePool = resourcePool;
        _customAttributes = customAttributes;
    }
}
