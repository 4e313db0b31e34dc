using VcSync.Export.Writing;
using VcSync.Storage.Export;

namespace VcSync.Export.Sheets;

/// <summary>The sheets about the vCenters themselves and the export: vSource, vMetaData.</summary>
internal static class SourceSheets
{
    public static SheetDefinition Source(ExportContext context) => new("vSource", ExportSource.VCenters,
    [
        Col.ViSdkServer("Name"),
        Col.Empty("OS type"),
        Col.Empty("API type"),
        Col.Of("API version", "vcenter.api_version"),
        Col.Empty("Version"),
        Col.Empty("Patch level"),
        Col.Empty("Build"),
        Col.Empty("Fullname"),
        Col.Empty("Product name"),
        Col.Empty("Product version"),
        Col.Empty("Product line"),
        Col.Empty("Vendor"),
        Col.ViSdkServer(),
        Col.Of("VI SDK UUID", "vcenter.instance_uuid"),
    ]);

    /// <summary>One row per vCenter exported; the RVTools version columns stay empty: this is not RVTools.</summary>
    public static SheetDefinition MetaData(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var created = CellValue.Of(context.CreatedAt);
        return new("vMetaData", ExportSource.VCenters,
        [
            Col.Empty("RVTools major version"),
            Col.Empty("RVTools version"),
            Col.Compute("xlsx creation datetime", [], _ => created),
            Col.ViSdkServer("Server"),
        ]);
    }
}
