namespace VcSync.Inventory.Records;

/// <summary>A <c>HostSystem</c> (an ESXi host), as the <c>vcenter_hosts</c> table holds it.</summary>
public sealed record HostRecord : IInventoryRecord
{
    /// <inheritdoc />
    public required string Moref { get; init; }

    /// <inheritdoc />
    public required string Name { get; init; }

    /// <summary>The <c>parent</c> when it is a cluster; null for a standalone host.</summary>
    public string? ClusterMoref { get; init; }

    /// <summary>That cluster's name.</summary>
    public string? ClusterName { get; init; }

    /// <summary>The service tag by the contract's serial-number rules; null when there is none.</summary>
    public string? SerialNumber { get; init; }

    /// <summary><c>config.product.version</c>.</summary>
    public string? EsxiVersion { get; init; }

    /// <summary><c>config.product.build</c>.</summary>
    public string? EsxiBuild { get; init; }

    /// <summary><c>runtime.connectionState</c>.</summary>
    public string? ConnectionState { get; init; }

    /// <summary><c>runtime.inMaintenanceMode</c>.</summary>
    public bool? InMaintenanceMode { get; init; }

    /// <summary>The datacenter the object is in.</summary>
    public string? Datacenter { get; init; }

    /// <summary>The folders between the datacenter's hidden type folder and the object, <c>/A/B</c>; <c>/</c> at the top.</summary>
    public string? FolderPath { get; init; }

    /// <summary><c>summary.hardware.vendor</c>.</summary>
    public string? Vendor { get; init; }

    /// <summary><c>summary.hardware.model</c>.</summary>
    public string? Model { get; init; }

    /// <summary><c>summary.hardware.cpuModel</c>.</summary>
    public string? CpuModel { get; init; }

    /// <summary><c>summary.hardware.numCpuPkgs</c>.</summary>
    public int? CpuSockets { get; init; }

    /// <summary><c>summary.hardware.numCpuCores</c>.</summary>
    public int? CpuCores { get; init; }

    /// <summary><c>summary.hardware.numCpuThreads</c>.</summary>
    public int? CpuThreads { get; init; }

    /// <summary><c>summary.hardware.cpuMhz</c>.</summary>
    public int? CpuMhz { get; init; }

    /// <summary><c>summary.hardware.memorySize</c>, bytes.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary><c>summary.hardware.numNics</c>.</summary>
    public int? NicCount { get; init; }

    /// <summary><c>summary.hardware.numHBAs</c>.</summary>
    public int? HbaCount { get; init; }

    /// <summary><c>hardware.biosInfo.vendor</c>.</summary>
    public string? BiosVendor { get; init; }

    /// <summary><c>hardware.biosInfo.biosVersion</c>.</summary>
    public string? BiosVersion { get; init; }

    /// <summary><c>hardware.biosInfo.releaseDate</c>.</summary>
    public DateTimeOffset? BiosDate { get; init; }

    /// <summary><c>runtime.bootTime</c>.</summary>
    public DateTimeOffset? BootTime { get; init; }
}
