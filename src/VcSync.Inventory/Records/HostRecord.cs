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
}
