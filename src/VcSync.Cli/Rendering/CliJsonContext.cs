using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using VcSync.Cli.Commands;
using VcSync.Export;
using VcSync.Storage;
using VcSync.Storage.Servers;
using VcSync.Sync.Results;

namespace VcSync.Cli.Rendering;

/// <summary>
/// Source-generated JSON for every document the CLI prints: no reflection, so the native build serializes exactly
/// what the JIT build does. Rows hold <see cref="object"/> values, so each type a store reads back is listed too.
/// </summary>
[JsonSerializable(typeof(SyncResult))]
[JsonSerializable(typeof(VCenterRow))]
[JsonSerializable(typeof(IReadOnlyList<VCenterRow>))]
[JsonSerializable(typeof(ServerImportResult))]
[JsonSerializable(typeof(ExportResult))]
[JsonSerializable(typeof(ProbeCommand.ProbeDocument))]
[JsonSerializable(typeof(IReadOnlyList<IReadOnlyDictionary<string, object?>>))]
[JsonSerializable(typeof(List<IReadOnlyDictionary<string, object?>>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, object?>))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(List<Dictionary<string, object?>>))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
