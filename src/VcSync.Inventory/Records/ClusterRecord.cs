namespace VcSync.Inventory.Records;

/// <summary>A <c>ClusterComputeResource</c>, as the <c>vcenter_clusters</c> table holds it.</summary>
public sealed record ClusterRecord : IInventoryRecord
{
    /// <inheritdoc />
    public required string Moref { get; init; }

    /// <inheritdoc />
    public required string Name { get; init; }

    /// <summary><c>summary.totalCpu</c>, MHz.</summary>
    public int? TotalCpuMhz { get; init; }

    /// <summary><c>summary.effectiveCpu</c>, MHz.</summary>
    public int? EffectiveCpuMhz { get; init; }

    /// <summary><c>summary.totalMemory</c>, bytes.</summary>
    public long? TotalMemoryBytes { get; init; }

    /// <summary><c>summary.effectiveMemory</c>, MB as returned.</summary>
    public long? EffectiveMemoryMb { get; init; }

    /// <summary><c>summary.numHosts</c>.</summary>
    public int? NumHosts { get; init; }

    /// <summary><c>summary.numEffectiveHosts</c>.</summary>
    public int? NumEffectiveHosts { get; init; }

    /// <summary><c>summary.overallStatus</c>: gray, green, yellow or red.</summary>
    public string? OverallStatus { get; init; }

    /// <summary><c>configuration.dasConfig.enabled</c>.</summary>
    public bool? HaEnabled { get; init; }

    /// <summary><c>configuration.drsConfig.enabled</c>.</summary>
    public bool? DrsEnabled { get; init; }

    /// <summary><c>configuration.drsConfig.defaultVmBehavior</c>.</summary>
    public string? DrsBehavior { get; init; }

    /// <summary>The datacenter the object is in.</summary>
    public string? Datacenter { get; init; }

    /// <summary>The folders between the datacenter's hidden type folder and the object, <c>/A/B</c>; <c>/</c> at the top.</summary>
    public string? FolderPath { get; init; }
}
