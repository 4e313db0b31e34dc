namespace VcSync.Vim;

/// <summary>What the server says about itself (<c>ServiceContent.about</c>).</summary>
/// <param name="Name">Product name, e.g. <c>VMware vCenter Server</c>.</param>
/// <param name="FullName">Name, version and build in one string.</param>
/// <param name="Version">Product version, e.g. <c>8.0.2</c>.</param>
/// <param name="Build">Build number.</param>
/// <param name="ApiVersion">The vim25 API version, e.g. <c>8.0.2.0</c>; the client sends it in <c>SOAPAction</c>.</param>
/// <param name="ApiType"><c>VirtualCenter</c> or <c>HostAgent</c>.</param>
/// <param name="InstanceUuid">The vCenter instance's UUID; absent on ESXi.</param>
public sealed record AboutInfo(string Name, string FullName, string Version, string Build, string ApiVersion, string ApiType, string? InstanceUuid);
