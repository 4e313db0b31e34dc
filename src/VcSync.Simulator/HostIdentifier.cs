namespace VcSync.Simulator;

/// <summary>One <c>hardware.systemInfo.otherIdentifyingInfo</c> entry.</summary>
/// <param name="Key"><c>identifierType.key</c>: <c>ServiceTag</c>, <c>AssetTag</c>, <c>EnclosureSerialNumberTag</c>, ...</param>
/// <param name="Value"><c>identifierValue</c>, as it is (padding kept).</param>
/// <param name="Label"><c>identifierType.label</c>; null uses the key.</param>
public sealed record HostIdentifier(string Key, string Value, string? Label = null);
