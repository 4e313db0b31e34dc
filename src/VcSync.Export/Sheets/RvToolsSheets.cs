namespace VcSync.Export.Sheets;

/// <summary>Every sheet of the export, in RVTools' order.</summary>
internal static class RvToolsSheets
{
    public static IReadOnlyList<SheetDefinition> Create(ExportContext context) =>
    [
        VmSheets.Info(context),
        VmSheets.Cpu(context),
        VmSheets.Memory(context),
        VmSheets.Disk(context),
        VmSheets.Partition(context),
        VmSheets.Network(context),
        VmSheets.Snapshot(context),
        VmSheets.Tools(context),
        SourceSheets.Source(context),
        HostSheets.Cluster(context),
        HostSheets.Host(context),
        NetworkSheets.Switch(context),
        NetworkSheets.Port(context),
        NetworkSheets.DistributedSwitch(context),
        NetworkSheets.DistributedPort(context),
        HostSheets.Datastore(context),
        SourceSheets.MetaData(context),
    ];
}
