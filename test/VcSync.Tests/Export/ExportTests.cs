using System.IO.Compression;
using System.Text.Json;
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
        foreach (var name in workbook.SheetNames)
        {
            ExportAssert.HeadersMatch(name, workbook[name].Headers);
        }

        var check = new ExportAssert();
        var vms = await db.Store.ListRowsAsync("vcenter_vms", null, Token);
        Assert.NotEmpty(vms);
        foreach (var sheet in new[] { "vInfo", "vCPU", "vMemory", "vTools" })
        {
            var rows = workbook[sheet].Rows.ToDictionary(r => r.Text("VM ID"));
            Assert.Equal(vms.Count, rows.Count);
            foreach (var vm in vms)
            {
                var row = rows[(string)vm["moref"]!];
                var where = $"{sheet} {vm["moref"]}";
                check.Text(where, row, "VM", vm["name"]);
                check.Text(where, row, "Powerstate", vm["power_state"]);
                check.Flag(where, row, "Template", vm["is_template"]);
                check.Text(where, row, "VM UUID", vm["vm_uuid"]);
                check.Text(where, row, "Host", vm["host_name"]);
                check.Text(where, row, "Cluster", vm["cluster_name"]);
                check.Text(where, row, "OS according to the configuration file", vm["guest_os"]);
                check.Text(where, row, "VI SDK Server", server);
                check.Text(where, row, "VI SDK UUID", uuid);
                switch (sheet)
                {
                    case "vInfo":
                        check.Number(where, row, "CPUs", (int?)vm["cpu_count"]);
                        check.Number(where, row, "Memory", (int?)vm["memory_mb"]);
                        check.Text(where, row, "Primary IP Address", vm["ip_address"]);
                        check.Text(where, row, "VI SDK API Version", (await db.VCenterAsync(vcenter.Id)).ApiVersion);
                        break;
                    case "vCPU":
                        check.Number(where, row, "CPUs", (int?)vm["cpu_count"]);
                        break;
                    case "vMemory":
                        check.Number(where, row, "Size MiB", (int?)vm["memory_mb"]);
                        break;
                    case "vTools":
                        check.Text(where, row, "Tools", vm["tools_status"]);
                        break;
                }
            }
        }

        var hosts = await db.Store.ListRowsAsync("vcenter_hosts", null, Token);
        var vHost = workbook["vHost"].Rows.ToDictionary(r => r.Text("Object ID"));
        Assert.Equal(hosts.Count, vHost.Count);
        foreach (var host in hosts)
        {
            var row = vHost[(string)host["moref"]!];
            var where = $"vHost {host["moref"]}";
            var on = vms.Where(v => Equals(v["host_moref"], host["moref"]) && !Equals(v["is_template"], true)).ToList();
            check.Text(where, row, "Host", host["name"]);
            check.Text(where, row, "Cluster", host["cluster_name"]);
            check.Flag(where, row, "in Maintenance Mode", host["in_maintenance_mode"]);
            check.Text(where, row, "Service tag", host["serial_number"]);
            check.Text(where, row, "ESX Version", $"VMware ESXi {host["esxi_version"]} build-{host["esxi_build"]}");
            check.Number(where, row, "# VMs total", on.Count);
            check.Number(where, row, "# VMs", on.Count(v => Equals(v["power_state"], "poweredOn")));
            check.Number(where, row, "# vCPUs", on.Sum(v => (int?)v["cpu_count"] ?? 0));
            check.Number(where, row, "vRAM", on.Sum(v => (int?)v["memory_mb"] ?? 0));
            check.Text(where, row, "VI SDK Server", server);
        }

        var clusters = await db.Store.ListRowsAsync("vcenter_clusters", null, Token);
        var vCluster = workbook["vCluster"].Rows.ToDictionary(r => r.Text("Object ID"));
        Assert.Equal(clusters.Count, vCluster.Count);
        foreach (var cluster in clusters)
        {
            var row = vCluster[(string)cluster["moref"]!];
            var where = $"vCluster {cluster["moref"]}";
            check.Text(where, row, "Name", cluster["name"]);
            check.Number(where, row, "NumHosts", (int?)cluster["num_hosts"]);
            check.Number(where, row, "TotalCpu", (int?)cluster["total_cpu_mhz"]);
            check.Number(where, row, "TotalMemory", ExportAssert.MiB(cluster["total_memory_bytes"]));
            check.Flag(where, row, "HA enabled", cluster["ha_enabled"]);
            check.Flag(where, row, "DRS enabled", cluster["drs_enabled"]);
        }

        var datastores = await db.Store.ListRowsAsync("vcenter_datastores", null, Token);
        var vDatastore = workbook["vDatastore"].Rows.ToDictionary(r => r.Text("Object ID"));
        Assert.Equal(datastores.Count, vDatastore.Count);
        foreach (var datastore in datastores)
        {
            var row = vDatastore[(string)datastore["moref"]!];
            var where = $"vDatastore {datastore["moref"]}";
            var capacity = (long)datastore["capacity_bytes"]!;
            var free = (long)datastore["free_bytes"]!;
            check.Text(where, row, "Name", datastore["name"]);
            check.Text(where, row, "Type", datastore["type"]);
            check.Number(where, row, "Capacity MiB", ExportAssert.MiB(capacity));
            check.Number(where, row, "Free MiB", ExportAssert.MiB(free));
            check.Number(where, row, "In Use MiB", ExportAssert.MiB(capacity - free));
            check.Number(where, row, "# Hosts", (int?)datastore["host_count"]);
            check.Number(where, row, "# VMs total", (int?)datastore["vm_count"]);
            var mounts = (await db.Store.ListRowsAsync("vcenter_datastore_hosts", null, Token))
                .Where(m => Equals(m["datastore_moref"], datastore["moref"]))
                .Select(m => (string)hosts.Single(h => Equals(h["moref"], m["host_moref"]))["name"]!)
                .Order(StringComparer.Ordinal);
            check.Text(where, row, "Hosts", string.Join(", ", mounts) is { Length: > 0 } names ? names : null);
        }

        var portgroups = (await db.Store.ListRowsAsync("vcenter_networks", null, Token)).Where(n => Equals(n["network_type"], "distributed")).ToList();
        Assert.NotEmpty(portgroups);
        var dvPort = workbook["dvPort"].Rows.ToDictionary(r => r.Text("Object ID"));
        Assert.Equal(portgroups.Count, dvPort.Count);
        foreach (var portgroup in portgroups)
        {
            var row = dvPort[(string)portgroup["moref"]!];
            var where = $"dvPort {portgroup["moref"]}";
            check.Text(where, row, "Port", portgroup["name"]);
            check.Text(where, row, "Switch", portgroup["dvs_name"]);
            if (Equals(portgroup["vlan_type"], "trunk"))
            {
                check.Text(where, row, "VLAN", portgroup["vlan_ranges"]);
            }
            else
            {
                check.Number(where, row, "VLAN", (int?)portgroup["vlan_id"]);
            }
        }

        var switches = portgroups.Select(p => (string)p["dvs_moref"]!).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(switches, workbook["dvSwitch"].Rows.Select(r => r.Text("Object ID")).Order(StringComparer.Ordinal));

        var source = Assert.Single(workbook["vSource"].Rows);
        check.Text("vSource", source, "Name", server);
        check.Text("vSource", source, "VI SDK UUID", uuid);
        var meta = Assert.Single(workbook["vMetaData"].Rows);
        check.Text("vMetaData", meta, "Server", server);
        Assert.True(DateTime.TryParse(meta.Text("xlsx creation datetime"), out _), meta.Text("xlsx creation datetime"));
        check.Done();

        // Sheets whose rows the store does not hold yet carry their header alone.
        foreach (var name in new[] { "vDisk", "vPartition", "vNetwork", "vSnapshot", "vSwitch", "vPort" })
        {
            Assert.Empty(workbook[name].Rows);
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

        // Not in the store yet (issue 10's new vcenter_vms columns and vcenter_vm_partitions): present, still empty.
        // When they land this fails, and each moves up to the assertions above.
        foreach (var (sheet, header) in new[] { ("vInfo", "Provisioned MiB"), ("vInfo", "In use MiB"), ("vMemory", "Reservation") })
        {
            var column = workbook[sheet].Headers.Single(h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase));
            Assert.All(workbook[sheet].Rows, r => Assert.Equal(JsonValueKind.Null, r[column].ValueKind));
        }

        Assert.Subset(workbook["vPartition"].Headers.ToHashSet(), new HashSet<string> { "VM", "VM UUID", "Capacity MiB", "Consumed MiB" });
        Assert.Empty(workbook["vPartition"].Rows);
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
            Assert.Equal(sheet.Headers, file.Headers);
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

                    // CSV marks text a spreadsheet would run as a formula with a leading quote (no such names here).
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
    }

    private static void AssertFilledForEveryVm(
        Workbook workbook, IReadOnlyList<IReadOnlyDictionary<string, object?>> vms, string sheet, string header)
    {
        var rows = workbook[sheet].Rows;
        Assert.Contains(header, workbook[sheet].Headers);
        var byVm = rows.ToDictionary(r => r.Text("VM ID"));
        foreach (var vm in vms)
        {
            Assert.True(byVm.TryGetValue((string)vm["moref"]!, out var row), $"{sheet} has no row for {vm["moref"]}");
            Assert.True(row[header].ValueKind is JsonValueKind.String or JsonValueKind.Number && row.Text(header).Length > 0,
                $"{sheet} [{header}] is empty for {vm["moref"]}");
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
