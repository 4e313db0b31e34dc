namespace VcSync.Inventory.Records;

/// <summary>A <c>VirtualMachine</c>, as the <c>vcenter_vms</c> table holds it.</summary>
public sealed record VmRecord : IInventoryRecord
{
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
    public string? HostName { get; init; }

    /// <summary>The cluster of that host; null when standalone.</summary>
    public string? ClusterName { get; init; }

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
}
