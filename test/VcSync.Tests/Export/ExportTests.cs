using System.IO.Compression;
using System.Text.Json;
using VcSync.Storage.Schema;
using VcSync.Tests.Support;

namespace VcSync.Tests.Export;

/// <summary>
/// <c>vcsync export</c> of a synced simulator, read back with openpyxl and Python's csv module and compared with the
/// tables: RVTools' sheets, headers, units and values, and never a formula.
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class ExportTests(SimulatorFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Workbook_has_rvtools_sheets_and_headers_and_the_tables_rows()
    {
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(fixture.Simulator);
        await db.SyncAsync(vcenter, fixture.Simulator);
        var server = ExportRun.ServerOf(fixture.Simulator.SdkUrl);
        var uuid = (await db.VCenterAsync(vcenter.Id)).InstanceUuid;
        Assert.NotNull(uuid);

        using var workbook = await ExportRun.XlsxAsync(db.Connection, Path.Combine(Path.GetDirectoryName(db.Connection)!, "all.xlsx"));

        Assert.Equal(RvToolsHeaders.Sheets, workbook.SheetNames);
        var check = new ExportAssert();
        var vms = await db.Store.ListRowsAsync("vcenter_vms", null, Token);
        var nics = await RowsAsync(db, "vcenter_vm_nics");
        Assert.NotEmpty(vms);

        // A column per custom attribute, named after it, between Annotation and Datacenter.
        var attributes = vms.SelectMany(Attributes).Select(a => a.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(attributes.Count > 0 || ContractSchema.Vms.FindColumn("custom_attributes") is null, "the simulator's VMs have custom attributes");
        foreach (var sheet in new[] { "vInfo", "vCPU", "vMemory", "vDisk", "vPartition", "vNetwork", "vSnapshot", "vTools" })
        {
            var headers = workbook[sheet].Headers.ToList();
            var annotation = headers.IndexOf("Annotation");
            Assert.Equal(attributes, headers.Skip(annotation + 1).Take(attributes.Count));
            Assert.Equal("Datacenter", headers[annotation + 1 + attributes.Count]);
        }

        foreach (var sheet in new[] { "vInfo", "vCPU", "vMemory", "vTools" })
        {
            var rows = workbook[sheet].Rows.ToDictionary(r => r.Text("VM ID"));
            Assert.Equal(vms.Count, rows.Count);
            foreach (var vm in vms)
            {
                var row = rows[(string)vm.GetValueOrDefault("moref")!];
                var where = $"{sheet} {vm.GetValueOrDefault("moref")}";
                check.Text(where, row, "VM", vm.GetValueOrDefault("name"));
                check.Text(where, row, "Powerstate", vm.GetValueOrDefault("power_state"));
                check.Flag(where, row, "Template", vm.GetValueOrDefault("is_template"));
                check.Text(where, row, "VM UUID", vm.GetValueOrDefault("vm_uuid"));
                check.Text(where, row, "Host", vm.GetValueOrDefault("host_name"));
                check.Text(where, row, "Cluster", vm.GetValueOrDefault("cluster_name"));
                check.Text(where, row, "OS according to the configuration file", vm.GetValueOrDefault("guest_os"));
                check.Text(where, row, "OS according to the VMware Tools", vm.GetValueOrDefault("tools_guest_os"));
                check.Text(where, row, "Annotation", vm.GetValueOrDefault("annotation"));
                check.Text(where, row, "Datacenter", vm.GetValueOrDefault("datacenter"));
                check.Text(where, row, "VI SDK Server", server);
                check.Text(where, row, "VI SDK UUID", uuid);
                switch (sheet)
                {
                    case "vInfo":
                        check.Number(where, row, "CPUs", (int?)vm.GetValueOrDefault("cpu_count"));
                        check.Number(where, row, "Memory", (int?)vm.GetValueOrDefault("memory_mb"));
                        check.Text(where, row, "Primary IP Address", vm.GetValueOrDefault("ip_address"));
                        check.Text(where, row, "DNS Name", vm.GetValueOrDefault("guest_hostname"));
                        check.Text(where, row, "Connection state", vm.GetValueOrDefault("connection_state"));
                        check.Number(where, row, "NICs", (int?)vm.GetValueOrDefault("nic_count"));
                        check.Number(where, row, "Disks", (int?)vm.GetValueOrDefault("disk_count"));
                        check.Number(where, row, "Total disk capacity MiB", ExportAssert.MiB(vm.GetValueOrDefault("disk_capacity_bytes")));
                        check.Number(where, row, "Provisioned MiB", ExportAssert.MiB(vm.GetValueOrDefault("disk_provisioned_bytes")));
                        check.Number(where, row, "In Use MiB", ExportAssert.MiB(vm.GetValueOrDefault("disk_committed_bytes")));
                        check.Number(where, row, "Unshared MiB", ExportAssert.MiB(vm.GetValueOrDefault("disk_unshared_bytes")));
                        check.Text(where, row, "Resource pool", vm.GetValueOrDefault("resource_pool"));
                        check.Text(where, row, "Folder", vm.GetValueOrDefault("folder_path"));
                        check.Text(where, row, "Firmware", vm.GetValueOrDefault("firmware"));
                        check.Text(where, row, "HW version", vm.GetValueOrDefault("hardware_version"));
                        check.Flag(where, row, "EFI Secure boot", vm.GetValueOrDefault("secure_boot"));
                        var networks = nics.Where(n => Equals(n.GetValueOrDefault("vm_moref"), vm.GetValueOrDefault("moref"))).OrderBy(n => (int)n.GetValueOrDefault("device_key")!).ToList();
                        for (var i = 1; i <= 8; i++)
                        {
                            check.Text(where, row, $"Network #{i}", i <= networks.Count ? networks[i - 1]["network_name"] : null);
                        }

                        foreach (var (attribute, value) in Attributes(vm))
                        {
                            check.Text(where, row, attribute, value);
                        }

                        check.Text(where, row, "VI SDK API Version", (await db.VCenterAsync(vcenter.Id)).ApiVersion);
                        break;
                    case "vCPU":
                        check.Number(where, row, "CPUs", (int?)vm.GetValueOrDefault("cpu_count"));
                        check.Number(where, row, "Cores p/s", (int?)vm.GetValueOrDefault("cores_per_socket"));
                        check.Number(where, row, "Reservation", (long?)vm.GetValueOrDefault("cpu_reservation_mhz"));
                        break;
                    case "vMemory":
                        check.Number(where, row, "Size MiB", (int?)vm.GetValueOrDefault("memory_mb"));
                        check.Number(where, row, "Reservation", (long?)vm.GetValueOrDefault("memory_reservation_mb"));
                        check.Number(where, row, "Limit", (long?)vm.GetValueOrDefault("memory_limit_mb"));
                        break;
                    case "vTools":
                        check.Text(where, row, "Tools", vm.GetValueOrDefault("tools_status"));
                        break;
                }
            }
        }

        var hosts = await db.Store.ListRowsAsync("vcenter_hosts", null, Token);
        var vHost = workbook["vHost"].Rows.ToDictionary(r => r.Text("Object ID"));
        Assert.Equal(hosts.Count, vHost.Count);
        foreach (var host in hosts)
        {
            var row = vHost[(string)host.GetValueOrDefault("moref")!];
            var where = $"vHost {host.GetValueOrDefault("moref")}";
            var on = vms.Where(v => Equals(v.GetValueOrDefault("host_moref"), host.GetValueOrDefault("moref")) && !Equals(v.GetValueOrDefault("is_template"), true)).ToList();
            check.Text(where, row, "Host", host.GetValueOrDefault("name"));
            check.Text(where, row, "Cluster", host.GetValueOrDefault("cluster_name"));
            check.Flag(where, row, "in Maintenance Mode", host.GetValueOrDefault("in_maintenance_mode"));
            check.Text(where, row, "Service tag", host.GetValueOrDefault("serial_number"));
            check.Text(where, row, "ESX Version", $"VMware ESXi {host.GetValueOrDefault("esxi_version")} build-{host.GetValueOrDefault("esxi_build")}");
            check.Number(where, row, "# VMs total", on.Count);
            check.Number(where, row, "# VMs", on.Count(v => Equals(v.GetValueOrDefault("power_state"), "poweredOn")));
            check.Number(where, row, "# vCPUs", on.Sum(v => (int?)v.GetValueOrDefault("cpu_count") ?? 0));
            check.Number(where, row, "vRAM", on.Sum(v => (int?)v.GetValueOrDefault("memory_mb") ?? 0));
            check.Text(where, row, "VI SDK Server", server);
            check.Text(where, row, "Datacenter", host.GetValueOrDefault("datacenter"));
            check.Text(where, row, "CPU Model", host.GetValueOrDefault("cpu_model"));
            check.Number(where, row, "Speed", (int?)host.GetValueOrDefault("cpu_mhz"));
            check.Number(where, row, "# CPU", (int?)host.GetValueOrDefault("cpu_sockets"));
            check.Number(where, row, "# Cores", (int?)host.GetValueOrDefault("cpu_cores"));
            check.Number(where, row, "# Memory", ExportAssert.MiB(host.GetValueOrDefault("memory_bytes")));
            check.Number(where, row, "# NICs", (int?)host.GetValueOrDefault("nic_count"));
            check.Number(where, row, "# HBAs", (int?)host.GetValueOrDefault("hba_count"));
            check.Text(where, row, "Vendor", host.GetValueOrDefault("vendor"));
            check.Text(where, row, "Model", host.GetValueOrDefault("model"));
            check.Text(where, row, "BIOS Vendor", host.GetValueOrDefault("bios_vendor"));
            check.Text(where, row, "BIOS Version", host.GetValueOrDefault("bios_version"));
        }

        var clusters = await db.Store.ListRowsAsync("vcenter_clusters", null, Token);
        var vCluster = workbook["vCluster"].Rows.ToDictionary(r => r.Text("Object ID"));
        Assert.Equal(clusters.Count, vCluster.Count);
        foreach (var cluster in clusters)
        {
            var row = vCluster[(string)cluster.GetValueOrDefault("moref")!];
            var where = $"vCluster {cluster.GetValueOrDefault("moref")}";
            check.Text(where, row, "Name", cluster.GetValueOrDefault("name"));
            check.Number(where, row, "NumHosts", (int?)cluster.GetValueOrDefault("num_hosts"));
            check.Number(where, row, "TotalCpu", (int?)cluster.GetValueOrDefault("total_cpu_mhz"));
            check.Number(where, row, "TotalMemory", ExportAssert.MiB(cluster.GetValueOrDefault("total_memory_bytes")));
            check.Flag(where, row, "HA enabled", cluster.GetValueOrDefault("ha_enabled"));
            check.Flag(where, row, "DRS enabled", cluster.GetValueOrDefault("drs_enabled"));
        }

        var datastores = await db.Store.ListRowsAsync("vcenter_datastores", null, Token);
        var vDatastore = workbook["vDatastore"].Rows.ToDictionary(r => r.Text("Object ID"));
        Assert.Equal(datastores.Count, vDatastore.Count);
        foreach (var datastore in datastores)
        {
            var row = vDatastore[(string)datastore.GetValueOrDefault("moref")!];
            var where = $"vDatastore {datastore.GetValueOrDefault("moref")}";
            var capacity = (long)datastore.GetValueOrDefault("capacity_bytes")!;
            var free = (long)datastore.GetValueOrDefault("free_bytes")!;
            check.Text(where, row, "Name", datastore.GetValueOrDefault("name"));
            check.Text(where, row, "Type", datastore.GetValueOrDefault("type"));
            check.Number(where, row, "Capacity MiB", ExportAssert.MiB(capacity));
            check.Number(where, row, "Free MiB", ExportAssert.MiB(free));
            check.Number(where, row, "In Use MiB", ExportAssert.MiB(capacity - free));
            check.Number(where, row, "# Hosts", (int?)datastore.GetValueOrDefault("host_count"));
            check.Number(where, row, "# VMs total", (int?)datastore.GetValueOrDefault("vm_count"));
            check.Number(where, row, "Provisioned MiB", ExportAssert.MiB(datastore.GetValueOrDefault("provisioned_bytes")));
            check.Text(where, row, "Cluster name", datastore.GetValueOrDefault("datastore_cluster"));
            check.Text(where, row, "URL", datastore.GetValueOrDefault("url"));
            var mounts = (await db.Store.ListRowsAsync("vcenter_datastore_hosts", null, Token))
                .Where(m => Equals(m.GetValueOrDefault("datastore_moref"), datastore.GetValueOrDefault("moref")))
                .Select(m => (string)hosts.Single(h => Equals(h["moref"], m.GetValueOrDefault("host_moref")))["name"]!)
                .Order(StringComparer.Ordinal);
            check.Text(where, row, "Hosts", string.Join(", ", mounts) is { Length: > 0 } names ? names : null);
        }

        var portgroups = (await db.Store.ListRowsAsync("vcenter_networks", null, Token)).Where(n => Equals(n.GetValueOrDefault("network_type"), "distributed")).ToList();
        Assert.NotEmpty(portgroups);
        var dvPort = workbook["dvPort"].Rows.ToDictionary(r => r.Text("Object ID"));
        Assert.Equal(portgroups.Count, dvPort.Count);
        foreach (var portgroup in portgroups)
        {
            var row = dvPort[(string)portgroup.GetValueOrDefault("moref")!];
            var where = $"dvPort {portgroup.GetValueOrDefault("moref")}";
            check.Text(where, row, "Port", portgroup.GetValueOrDefault("name"));
            check.Text(where, row, "Switch", portgroup.GetValueOrDefault("dvs_name"));
            if (Equals(portgroup.GetValueOrDefault("vlan_type"), "trunk"))
            {
                check.Text(where, row, "VLAN", portgroup.GetValueOrDefault("vlan_ranges"));
            }
            else
            {
                check.Number(where, row, "VLAN", (int?)portgroup.GetValueOrDefault("vlan_id"));
            }
        }

        var switches = portgroups.Select(p => (string)p.GetValueOrDefault("dvs_moref")!).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(switches, workbook["dvSwitch"].Rows.Select(r => r.Text("Object ID")).Order(StringComparer.Ordinal));

        var source = Assert.Single(workbook["vSource"].Rows);
        check.Text("vSource", source, "Name", server);
        check.Text("vSource", source, "VI SDK UUID", uuid);
        var meta = Assert.Single(workbook["vMetaData"].Rows);
        check.Text("vMetaData", meta, "Server", server);
        Assert.True(DateTime.TryParse(meta.Text("xlsx creation datetime"), out _), meta.Text("xlsx creation datetime"));
        await ChildSheetsMatchAsync(db, workbook, check);
        check.Done();
        foreach (var name in workbook.SheetNames)
        {
            ExportAssert.HeadersMatch(name, [.. workbook[name].Headers.Where(h => !attributes.Contains(h))]);
        }

        AssertNoFormula(workbook);
    }

    [Fact]
    public async Task Every_column_azure_migrate_requires_is_present_and_filled_for_every_vm()
    {
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(fixture.Simulator);
        await db.SyncAsync(vcenter, fixture.Simulator);
        using var workbook = await ExportRun.XlsxAsync(db.Connection, Path.Combine(Path.GetDirectoryName(db.Connection)!, "azure.xlsx"));
        var vms = await db.Store.ListRowsAsync("vcenter_vms", null, Token);

        // Azure Migrate's RVTools import reads these (its docs spell one "In use MiB"; it matches headers regardless of case).
        AssertFilledForEveryVm(workbook, vms, "vInfo", "VM");
        AssertFilledForEveryVm(workbook, vms, "vInfo", "Powerstate");
        AssertFilledForEveryVm(workbook, vms, "vInfo", "CPUs");
        AssertFilledForEveryVm(workbook, vms, "vInfo", "Memory");
        AssertFilledForEveryVm(workbook, vms, "vInfo", "OS according to the configuration file");
        AssertFilledForEveryVm(workbook, vms, "vInfo", "VM UUID");
        AssertFilledForEveryVm(workbook, vms, "vMemory", "VM");
        AssertFilledForEveryVm(workbook, vms, "vMemory", "VM UUID");
        AssertFilledForEveryVm(workbook, vms, "vMemory", "Size MiB");

        // These come from issue 10's new columns and vcenter_vm_partitions: filled once the schema has them, empty before.
        var inUse = workbook["vInfo"].Headers.Single(h => string.Equals(h, "In use MiB", StringComparison.OrdinalIgnoreCase));
        foreach (var (sheet, header, column) in new[]
                 {
                     ("vInfo", "Provisioned MiB", "disk_provisioned_bytes"), ("vInfo", inUse, "disk_committed_bytes"),
                     ("vMemory", "Reservation", "memory_reservation_mb"),
                 })
        {
            if (ContractSchema.Vms.FindColumn(column) is null)
            {
                Assert.All(workbook[sheet].Rows, r => Assert.Equal(JsonValueKind.Null, r[header].ValueKind));
            }
            else
            {
                AssertFilledForEveryVm(workbook, vms, sheet, header);
            }
        }

        // vPartition: a row per guest file system, each with the four columns; every VM whose guest reports file systems has its rows.
        var partitions = await RowsAsync(db, "vcenter_vm_partitions");
        Assert.True(partitions.Count > 0 || ContractSchema.Tables.All(t => t.Name != "vcenter_vm_partitions"), "the simulator's guests report file systems");
        var vPartition = workbook["vPartition"];
        Assert.Equal(partitions.Count, vPartition.Rows.Count);
        foreach (var header in new[] { "VM", "VM UUID", "Capacity MiB", "Consumed MiB" })
        {
            Assert.All(vPartition.Rows, r => Assert.True(r.Text(header).Length > 0, $"vPartition [{header}] empty for {r.Text("VM ID")}"));
        }

        Assert.Equal(
            partitions.Select(p => (string)p.GetValueOrDefault("vm_moref")!).ToHashSet(StringComparer.Ordinal),
            vPartition.Rows.Select(r => r.Text("VM ID")).ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Csv_has_one_file_per_sheet_with_the_workbook_headers_and_cells()
    {
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(fixture.Simulator);
        await db.SyncAsync(vcenter, fixture.Simulator);
        var directory = Path.GetDirectoryName(db.Connection)!;
        using var workbook = await ExportRun.XlsxAsync(db.Connection, Path.Combine(directory, "all.xlsx"));
        using var csv = await ExportRun.CsvAsync(db.Connection, Path.Combine(directory, "csv"));

        Assert.Equal(RvToolsHeaders.Sheets.Select(s => s + ".csv").Order(StringComparer.Ordinal), csv.SheetNames);
        foreach (var name in RvToolsHeaders.Sheets)
        {
            var sheet = workbook[name];
            var file = csv[name + ".csv"];
            Assert.Equal(sheet.Headers.Select(CsvText), file.Headers);
            Assert.Equal(sheet.Rows.Count, file.Rows.Count);
            for (var i = 0; i < sheet.Rows.Count; i++)
            {
                for (var c = 0; c < sheet.Headers.Count; c++)
                {
                    var expected = Sheet.Row.Show(sheet.Rows[i].Cells[c]);
                    var actual = file.Rows[i].Cells[c].GetString();
                    if (sheet.Headers[c] == "xlsx creation datetime")
                    {
                        // Two exports, two times: the workbook holds a date, CSV its text.
                        Assert.True(DateTime.TryParse(actual, System.Globalization.CultureInfo.InvariantCulture, out _), actual);
                        continue;
                    }

                    var cell = sheet.Rows[i].Cells[c];
                    if (cell.ValueKind == JsonValueKind.String && DateTime.TryParseExact(expected, "yyyy-MM-dd'T'HH:mm:ss.FFFFFF", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time))
                    {
                        // A date cell (openpyxl gives ISO text, through Excel's day fractions); CSV writes "yyyy-MM-dd HH:mm:ss".
                        var written = DateTime.ParseExact(actual!, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
                        Assert.True(Math.Abs((written - time).TotalSeconds) < 1, $"{name} row {i + 1} [{sheet.Headers[c]}]: csv '{actual}', xlsx '{expected}'");
                        continue;
                    }

                    if (cell.ValueKind == JsonValueKind.String)
                    {
                        expected = CsvText(expected);
                    }

                    Assert.True(expected == actual, $"{name} row {i + 1} [{sheet.Headers[c]}]: csv '{actual}', xlsx '{expected}'");
                }
            }
        }
    }

    [Fact]
    public async Task Several_vcenters_share_one_workbook_and_hostile_text_is_never_a_formula()
    {
        var simulatorA = fixture.Simulator;
        await using var simulatorB = await SimulatorFixture.StartDedicatedAsync();
        string[] hostile = ["=1+2", "+SUM(1;2)", "-3+4", "@SUM(A1:A2)", "=HYPERLINK(\"http://127.0.0.1/x\",\"click\")", "=cmd|' /C calc'!A0"];
        var victims = (await SimulatorReads.ReadAsync(simulatorB)).Of("VirtualMachine").Take(hostile.Length).ToList();
        await using (var client = await VimSession.LoginAsync(simulatorB))
        {
            for (var i = 0; i < hostile.Length; i++)
            {
                await VimSession.RunTaskAsync(client, "Rename_Task", victims[i].Obj, new KeyValuePair<string, object?>("newName", hostile[i]));
            }
        }

        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenterA = await db.RegisterAsync(simulatorA, "vc-a");
        var vcenterB = await db.RegisterAsync(simulatorB, "vc-b");
        await db.SyncAsync(vcenterA, simulatorA);
        await db.SyncAsync(vcenterB, simulatorB);
        var serverA = ExportRun.ServerOf(simulatorA.SdkUrl);
        var serverB = ExportRun.ServerOf(simulatorB.SdkUrl);
        var vmsA = await db.Store.ListRowsAsync("vcenter_vms", vcenterA.Id, Token);
        var vmsB = await db.Store.ListRowsAsync("vcenter_vms", vcenterB.Id, Token);
        var directory = Path.GetDirectoryName(db.Connection)!;

        var path = Path.Combine(directory, "both.xlsx");
        using (var both = await ExportRun.XlsxAsync(db.Connection, path))
        {
            var vInfo = both["vInfo"].Rows;
            Assert.Equal(vmsA.Count + vmsB.Count, vInfo.Count);
            Assert.Equal(vmsA.Count, vInfo.Count(r => r.Text("VI SDK Server") == serverA));
            Assert.Equal(vmsB.Count, vInfo.Count(r => r.Text("VI SDK Server") == serverB));
            Assert.Equal(
                new[] { serverA, serverB }.Order(StringComparer.Ordinal),
                both["vSource"].Rows.Select(r => r.Text("Name")).Order(StringComparer.Ordinal));
            foreach (var name in hostile)
            {
                var row = Assert.Single(vInfo, r => r["VM"].ValueKind == JsonValueKind.String && r.Text("VM") == name);
                Assert.Equal(serverB, row.Text("VI SDK Server"));
            }

            AssertNoFormula(both);
        }

        // And in the file itself: no formula element anywhere, whatever a reader makes of it.
        using (var zip = ZipFile.OpenRead(path))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                var xml = await reader.ReadToEndAsync(Token);
                Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<f ", xml, StringComparison.Ordinal);
            }
        }

        // --vcenter: that vCenter's rows only.
        using (var onlyB = await ExportRun.XlsxAsync(db.Connection, Path.Combine(directory, "b.xlsx"), "--vcenter", "vc-b"))
        {
            Assert.Equal(vmsB.Count, onlyB["vInfo"].Rows.Count);
            Assert.All(onlyB["vInfo"].Rows, r => Assert.Equal(serverB, r.Text("VI SDK Server")));
            Assert.All(onlyB["vHost"].Rows, r => Assert.Equal(serverB, r.Text("VI SDK Server")));
            Assert.Equal(serverB, Assert.Single(onlyB["vSource"].Rows).Text("Name"));
        }

        // CSV: a leading quote marks each as text for a spreadsheet; the rest of the text is untouched.
        using var csv = await ExportRun.CsvAsync(db.Connection, Path.Combine(directory, "csv"));
        var names = csv["vInfo.csv"].Rows.Select(r => r.Text("VM")).ToHashSet(StringComparer.Ordinal);
        foreach (var name in hostile)
        {
            Assert.Contains("'" + name, names);
            Assert.DoesNotContain(name, names);
        }

        // The simulator's formula-like annotations: text in the workbook, quoted in CSV.
        var annotations = vmsB.Select(v => v.GetValueOrDefault("annotation") as string).OfType<string>().Where(a => a[0] is '=' or '+' or '-' or '@').ToList();
        Assert.True(annotations.Count > 0 || ContractSchema.Vms.FindColumn("annotation") is null, "the simulator has formula-like annotations");
        using var again = await SpreadsheetReader.ReadXlsxAsync(path);
        var inWorkbook = again["vInfo"].Rows.Select(r => r["Annotation"]).Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()).ToHashSet();
        var inCsv = csv["vInfo.csv"].Rows.Select(r => r.Text("Annotation")).ToHashSet();
        foreach (var annotation in annotations)
        {
            Assert.Contains(annotation, inWorkbook);
            Assert.Contains("'" + annotation, inCsv);
        }
    }

    /// <summary>The rows of a contract table; none while the schema does not have it yet.</summary>
    private static async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RowsAsync(SyncDatabase db, string table) =>
        ContractSchema.Tables.Any(t => t.Name == table) ? await db.Store.ListRowsAsync(table, null, Token) : [];

    /// <summary>Text as CSV holds it: with a leading quote when a spreadsheet would run it as a formula (numbers stay as they are).</summary>
    private static string CsvText(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>A VM's custom attributes, from its <c>custom_attributes</c> JSON object.</summary>
    private static IEnumerable<(string Name, string? Value)> Attributes(IReadOnlyDictionary<string, object?> vm)
    {
        if (vm.GetValueOrDefault("custom_attributes") is not string json)
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()))];
    }

    /// <summary>vDisk, vPartition, vNetwork, vSnapshot, vPort and vSwitch against their tables.</summary>
    private static async Task ChildSheetsMatchAsync(SyncDatabase db, Workbook workbook, ExportAssert check)
    {
        var disks = await RowsAsync(db, "vcenter_vm_disks");
        var vDisk = workbook["vDisk"].Rows.ToDictionary(r => r.Text("VM ID") + "/" + r.Text("Disk Key"));
        Assert.Equal(disks.Count, vDisk.Count);
        foreach (var disk in disks)
        {
            var where = $"vDisk {disk.GetValueOrDefault("vm_moref")}/{disk.GetValueOrDefault("device_key")}";
            var row = vDisk[$"{disk.GetValueOrDefault("vm_moref")}/{disk.GetValueOrDefault("device_key")}"];
            check.Text(where, row, "Disk", disk.GetValueOrDefault("label"));
            check.Number(where, row, "Capacity MiB", ExportAssert.MiB(disk.GetValueOrDefault("capacity_bytes")));
            check.Text(where, row, "Disk Path", disk.GetValueOrDefault("file_name"));
            check.Flag(where, row, "Thin", disk.GetValueOrDefault("thin_provisioned"));
            check.Text(where, row, "Disk Mode", disk.GetValueOrDefault("disk_mode"));
            check.Text(where, row, "Controller", disk.GetValueOrDefault("controller_label"));
            check.Number(where, row, "Unit #", (int?)disk.GetValueOrDefault("unit_number"));
        }

        var partitions = await RowsAsync(db, "vcenter_vm_partitions");
        var vPartition = workbook["vPartition"].Rows.ToDictionary(r => r.Text("VM ID") + "|" + r.Text("Disk"));
        Assert.Equal(partitions.Count, vPartition.Count);
        foreach (var partition in partitions)
        {
            var key = $"{partition.GetValueOrDefault("vm_moref")}|{partition.GetValueOrDefault("disk_path")}";
            var row = vPartition[key];
            var capacity = (long?)partition.GetValueOrDefault("capacity_bytes");
            var free = (long?)partition.GetValueOrDefault("free_bytes");
            check.Number("vPartition " + key, row, "Capacity MiB", ExportAssert.MiB(capacity));
            check.Number("vPartition " + key, row, "Free MiB", ExportAssert.MiB(free));
            check.Number("vPartition " + key, row, "Consumed MiB", capacity is { } c && free is { } f ? ExportAssert.MiB(c - f) : null);
        }

        var nics = await RowsAsync(db, "vcenter_vm_nics");
        var vNetwork = workbook["vNetwork"].Rows.Where(r => r.Text("Mac Address").Length > 0).ToDictionary(r => r.Text("VM ID") + "|" + r.Text("Mac Address"));
        Assert.Equal(nics.Count, workbook["vNetwork"].Rows.Count);
        foreach (var nic in nics.Where(n => n.GetValueOrDefault("mac_address") is string))
        {
            var key = $"{nic.GetValueOrDefault("vm_moref")}|{nic.GetValueOrDefault("mac_address")}";
            var row = vNetwork[key];
            check.Text("vNetwork " + key, row, "NIC label", nic.GetValueOrDefault("label"));
            check.Text("vNetwork " + key, row, "Adapter", nic.GetValueOrDefault("adapter_type"));
            check.Text("vNetwork " + key, row, "Network", nic.GetValueOrDefault("network_name"));
            check.Text("vNetwork " + key, row, "Switch", nic.GetValueOrDefault("switch_name"));
            check.Flag("vNetwork " + key, row, "Connected", nic.GetValueOrDefault("connected"));
        }

        var snapshots = await RowsAsync(db, "vcenter_vm_snapshots");
        Assert.Equal(
            snapshots.Select(s => $"{s["vm_moref"]}|{s["name"]}|{s["state"]}|{s["quiesced"]}").Order(StringComparer.Ordinal),
            workbook["vSnapshot"].Rows.Select(r => $"{r.Text("VM ID")}|{r.Text("Name")}|{r.Text("State")}|{r.Text("Quiesced")}").Order(StringComparer.Ordinal));

        var hosts = (await db.Store.ListRowsAsync("vcenter_hosts", null, Token)).ToDictionary(h => (string)h["moref"]!);
        var portgroups = await RowsAsync(db, "vcenter_host_portgroups");
        Assert.Equal(
            portgroups.Select(p => $"{hosts[(string)p.GetValueOrDefault("host_moref")!]["name"]}|{p.GetValueOrDefault("portgroup_name")}|{p.GetValueOrDefault("vswitch_name")}|{p.GetValueOrDefault("vlan_id")}").Order(StringComparer.Ordinal),
            workbook["vPort"].Rows.Select(r => $"{r.Text("Host")}|{r.Text("Port Group")}|{r.Text("Switch")}|{r.Text("VLAN")}").Order(StringComparer.Ordinal));
        Assert.Equal(
            portgroups.Select(p => $"{hosts[(string)p.GetValueOrDefault("host_moref")!]["name"]}|{p.GetValueOrDefault("vswitch_name")}").Distinct().Order(StringComparer.Ordinal),
            workbook["vSwitch"].Rows.Select(r => $"{r.Text("Host")}|{r.Text("Switch")}").Order(StringComparer.Ordinal));
    }

    private static void AssertFilledForEveryVm(
        Workbook workbook, IReadOnlyList<IReadOnlyDictionary<string, object?>> vms, string sheet, string header)
    {
        var rows = workbook[sheet].Rows;
        Assert.Contains(header, workbook[sheet].Headers);
        var byVm = rows.ToDictionary(r => r.Text("VM ID"));
        foreach (var vm in vms)
        {
            Assert.True(byVm.TryGetValue((string)vm.GetValueOrDefault("moref")!, out var row), $"{sheet} has no row for {vm.GetValueOrDefault("moref")}");
            Assert.True(row[header].ValueKind is JsonValueKind.String or JsonValueKind.Number && row.Text(header).Length > 0,
                $"{sheet} [{header}] is empty for {vm.GetValueOrDefault("moref")}");
        }
    }

    private static void AssertNoFormula(Workbook workbook)
    {
        foreach (var name in workbook.SheetNames)
        {
            foreach (var row in workbook[name].Rows)
            {
                Assert.DoesNotContain(row.Cells, c => c.ValueKind == JsonValueKind.Object);
            }
        }
    }
}
