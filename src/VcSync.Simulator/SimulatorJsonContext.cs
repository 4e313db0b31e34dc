using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace VcSync.Simulator;

/// <summary>Source-generated JSON for the simulator's start-up line and control requests (camelCase, as the launcher writes).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StartupLine))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
