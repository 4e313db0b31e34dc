namespace VcSync.Export.Sheets;

/// <summary>The columns every VM sheet starts or ends with.</summary>
internal static class VmColumns
{
    /// <summary>VM, Powerstate, Template, SRM Placeholder.</summary>
    public static IEnumerable<SheetColumn> Head(bool template = true)
    {
        yield return Col.Of("VM", "vm.name");
        yield return Col.Of("Powerstate", "vm.power_state");
        if (template)
        {
            yield return Col.Of("Template", "vm.is_template");
            yield return Col.Empty("SRM Placeholder");
        }
    }

    /// <summary>One column per custom attribute, named after it, with the VM's value.</summary>
    public static IEnumerable<SheetColumn> CustomAttributes(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = new CustomAttributeValues();
        return context.CustomAttributes.Select(name =>
            Col.Compute(name, ["vm.custom_attributes"], v => Writing.CellValue.Of(values.Get(v[0] as string, name))));
    }

    /// <summary>Annotation, the custom attributes, where the VM sits, its OS, ids and the vCenter it comes from.</summary>
    public static IEnumerable<SheetColumn> Context(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        yield return Col.Of("Annotation", "vm.annotation");
        foreach (var column in CustomAttributes(context))
        {
            yield return column;
        }

        yield return Col.Of("Datacenter", "vm.datacenter");
        yield return Col.Of("Cluster", "vm.cluster_name");
        yield return Col.Of("Host", "vm.host_name");
        yield return Col.Of("Folder", "vm.folder_path");
        yield return Col.Of("OS according to the configuration file", "vm.guest_os");
        yield return Col.Of("OS according to the VMware Tools", "vm.tools_guest_os");
        yield return Col.Of("VM ID", "vm.moref");
        yield return Col.Of("VM UUID", "vm.vm_uuid");
        yield return Col.ViSdkServer();
        yield return Col.Of("VI SDK UUID", "vcenter.instance_uuid");
    }
}
