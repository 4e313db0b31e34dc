using System.Text;
using VcSync.Inventory;
using VcSync.Inventory.Records;
using VcSync.Simulator;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Values;

namespace VcSync.Vim.Bench;

/// <summary>
/// <c>dump OUT.txt [size] [seed]</c>: fetches a simulator world with the sync's filter and value filters and writes
/// every record, warning and alarm the mapping makes of it, as text, for a byte-for-byte comparison of two builds'
/// mappings. Three passes over the same contents: all at once and <see cref="InventoryBuilder.Build"/> (twice); streamed
/// (everything but the VMs, then the VMs taken a page at a time); and all at once after seeded mutations (values of
/// other properties put in place of values and fields, fields dropped, list entries repeated), which walks the
/// mapping's lenient and warning paths.
/// </summary>
internal static class SnapshotDump
{
    public static async Task RunAsync(string path, string size, long seed)
    {
        await using var simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = size, Seed = seed, StartTimeout = TimeSpan.FromMinutes(5) });
        await using var client = await VimClient.ConnectAsync(new VimClientOptions { Url = simulator.SdkUrl, Thumbprint = simulator.Thumbprint });
        await client.LoginAsync(simulator.Username, simulator.Password);
        var content = client.ServiceContent;
        var view = await client.CreateContainerViewAsync(content.RootFolder, InventoryPropertySpecs.ContainerViewTypes, true);
        var filter = InventoryPropertySpecs.InventoryFilter(view, content.About.ApiVersion, content.RootFolder);
        var contents = new List<ObjectContent>();
        await foreach (var objectContent in client.RetrievePropertiesAsync(
            filter, new RetrieveOptions { MaxObjects = 1000, ValueFilters = InventoryPropertySpecs.ValueFilters }))
        {
            contents.Add(objectContent);
        }

        await using var output = new StreamWriter(path, false, new UTF8Encoding(false));
        var all = new InventoryBuilder(true);
        all.AddRange(contents);
        var first = all.Build();
        Write(output, "all", first);

        // Built again (as the live inventory does): the same snapshot, and the first one unchanged by it.
        Write(output, "all, again", all.Build());
        Write(output, "all, the first snapshot after the second", first);

        var streamed = new InventoryBuilder(true);
        streamed.AddRange(contents.Where(c => c.Obj.Type != InventoryPaths.Types.VirtualMachine));
        Write(output, "streamed, others", streamed.Build());
        foreach (var page in contents.Where(c => c.Obj.Type == InventoryPaths.Types.VirtualMachine).Chunk(1000))
        {
            streamed.AddRange(page);
            Write(output, "streamed, page", streamed.TakeVms());
        }

        WriteList(output, "streamed, alarms", streamed.BuildAlarms());
        var mutated = new InventoryBuilder(true);
        mutated.AddRange(new Mutator(seed, contents).Mutate(contents));
        Write(output, "mutated", mutated.Build());
        Console.WriteLine($"{path}: {contents.Count} objects of {size} seed {seed}, {new FileInfo(path).Length / 1e6:F1} MB");
    }

    private static void Write(StreamWriter output, string pass, InventorySnapshot snapshot)
    {
        output.WriteLine($"== {pass}: {snapshot.TotalObjects} objects");
        WriteList(output, "clusters", snapshot.Clusters);
        WriteList(output, "hosts", snapshot.Hosts);
        WriteList(output, "vms", snapshot.Vms);
        WriteList(output, "datastores", snapshot.Datastores);
        WriteList(output, "datastore hosts", snapshot.DatastoreHosts);
        WriteList(output, "networks", snapshot.Networks);
        WriteList(output, "alarms", snapshot.Alarms);
        WriteList(output, "nics", snapshot.VmNics);
        WriteList(output, "disks", snapshot.VmDisks);
        WriteList(output, "partitions", snapshot.VmPartitions);
        WriteList(output, "snapshots", snapshot.VmSnapshots);
        WriteList(output, "host portgroups", snapshot.HostPortgroups);
        WriteList(output, "warnings", snapshot.Warnings);
    }

    private static void WriteList<T>(StreamWriter output, string name, IReadOnlyList<T>? records)
    {
        output.WriteLine($"-- {name}: {(records is null ? "null" : records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        foreach (var record in records ?? [])
        {
            // Strings as their UTF-16 units, so that no two values print alike.
            output.WriteLine(record?.ToString()?.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal));
        }
    }

    /// <summary>Seeded damage to contents: values and fields swapped for other values of the world, fields dropped, entries repeated.</summary>
    private sealed class Mutator
    {
        private readonly Random _random;
        private readonly List<object> _pool = [];

        public Mutator(long seed, List<ObjectContent> contents)
        {
            _random = new Random(unchecked((int)seed * 7919));
            foreach (var content in contents)
            {
                foreach (var property in content.PropSet)
                {
                    Collect(property.Value, 0);
                }
            }

            // Text forms of numbers, flags and dates, as a server that omits xsi:type sends them.
            _pool.AddRange(["12", " 4000 ", "-1", "99999999999", "true", "0", "yes", "2024-03-01T10:00:00Z", "not a date", string.Empty]);
            _pool.AddRange([(object)long.MaxValue, int.MinValue, (short)3, (byte)7, 4_000_000_000u, ulong.MaxValue, 1.5, true]);
            _pool.Add(new UnparsedValue("int", "x12"));
        }

        public IEnumerable<ObjectContent> Mutate(List<ObjectContent> contents)
        {
            foreach (var content in contents)
            {
                var properties = new List<DynamicProperty>(content.PropSet.Count);
                foreach (var property in content.PropSet)
                {
                    if (_random.NextDouble() < 0.02)
                    {
                        continue;
                    }

                    properties.Add(property with { Value = _random.NextDouble() < 0.04 ? Pick() : Value(property.Value, 0) });
                }

                yield return new ObjectContent(content.Obj, properties, content.MissingSet);
            }
        }

        private object Pick() => _pool[_random.Next(_pool.Count)];

        private object? Value(object? value, int depth)
        {
            switch (value)
            {
                case DataObject data when depth < 12:
                    var fields = new List<KeyValuePair<string, object?>>(data.Fields.Count);
                    foreach (var field in data.Fields)
                    {
                        var roll = _random.NextDouble();
                        if (roll < 0.02)
                        {
                            continue;
                        }

                        fields.Add(new(field.Key, roll < 0.06 ? Pick() : Value(field.Value, depth + 1)));
                    }

                    return new DataObject(data.TypeName, fields);
                case IReadOnlyList<object?> list:
                    var items = new List<object?>(list.Count + 1);
                    foreach (var item in list)
                    {
                        items.Add(Value(item, depth + 1));
                        if (_random.NextDouble() < 0.05)
                        {
                            items.Add(Value(item, depth + 1));
                        }
                    }

                    return items.ToArray();
                default:
                    return value;
            }
        }

        private void Collect(object? value, int depth)
        {
            if (value is null || depth > 6 || _pool.Count > 200_000)
            {
                return;
            }

            if (_random.NextDouble() < 0.01 || value is not (DataObject or IReadOnlyList<object?>))
            {
                if (_random.NextDouble() < 0.05)
                {
                    _pool.Add(value);
                }
            }

            if (value is DataObject data)
            {
                foreach (var field in data.Fields)
                {
                    Collect(field.Value, depth + 1);
                }
            }
            else if (value is IReadOnlyList<object?> list)
            {
                foreach (var item in list)
                {
                    Collect(item, depth + 1);
                }
            }
        }
    }
}
