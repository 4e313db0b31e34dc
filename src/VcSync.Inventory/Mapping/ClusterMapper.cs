using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.InventoryPaths;

namespace VcSync.Inventory.Mapping;

/// <summary>Maps a <c>ClusterComputeResource</c> to a <see cref="ClusterRecord"/>.</summary>
/// <remarks>A new column: a local, a <c>case</c> for its path (read with the method of its column's type), an initializer.</remarks>
internal static class ClusterMapper
{
    public static ClusterRecord Map(ObjectContent content, PropertyReader read)
    {
        string? name = null, status = null, drsBehavior = null;
        int? totalCpu = null, effectiveCpu = null, numHosts = null, numEffectiveHosts = null;
        long? totalMemory = null, effectiveMemory = null;
        bool? ha = null, drs = null;
        var props = content.PropSet;
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            switch (p.Name)
            {
                case Name: name = read.String(p); break;
                case ClusterTotalCpu: totalCpu = read.Int(p); break;
                case ClusterEffectiveCpu: effectiveCpu = read.Int(p); break;
                case ClusterTotalMemory: totalMemory = read.Long(p); break;
                case ClusterEffectiveMemory: effectiveMemory = read.Long(p); break;
                case ClusterNumHosts: numHosts = read.Int(p); break;
                case ClusterNumEffectiveHosts: numEffectiveHosts = read.Int(p); break;
                case ClusterOverallStatus: status = read.String(p); break;
                case ClusterHaEnabled: ha = read.Bool(p); break;
                case ClusterDrsEnabled: drs = read.Bool(p); break;
                case ClusterDrsBehavior: drsBehavior = read.String(p); break;
                default: break;
            }
        }

        return new ClusterRecord
        {
            Moref = content.Obj.Value,
            Name = name ?? string.Empty,
            TotalCpuMhz = totalCpu,
            EffectiveCpuMhz = effectiveCpu,
            TotalMemoryBytes = totalMemory,
            EffectiveMemoryMb = effectiveMemory,
            NumHosts = numHosts,
            NumEffectiveHosts = numEffectiveHosts,
            OverallStatus = status,
            HaEnabled = ha,
            DrsEnabled = drs,
            DrsBehavior = drsBehavior,
        };
    }
}
