using System.Text.Json.Serialization;

namespace VcSync.Sync.Results;

/// <summary>Source-generated JSON for what the sync stores as text: job results and activity details.</summary>
[JsonSerializable(typeof(SyncResult))]
[JsonSerializable(typeof(Dictionary<string, long>))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;
