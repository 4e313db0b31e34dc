using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace VcSync.Server.Api;

/// <summary>Source-generated JSON for everything the server reads and writes: no reflection, Native-AOT safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ItemList))]
[JsonSerializable(typeof(ApiItem))]
[JsonSerializable(typeof(JobResource))]
[JsonSerializable(typeof(EnqueueRequest))]
[JsonSerializable(typeof(ProblemDetails))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
