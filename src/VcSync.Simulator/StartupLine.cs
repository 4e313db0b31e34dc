namespace VcSync.Simulator;

/// <summary>The JSON line the simulator prints once it listens.</summary>
internal sealed record StartupLine(
    string Url,
    string Username,
    string Password,
    string Thumbprint,
    int Pid,
    int Port,
    string ApiVersion,
    string InstanceUuid,
    long StartupMs,
    long HeapMB,
    int Vms,
    int Hosts,
    int Datastores,
    int Clusters)
{
    public static StartupLine Empty { get; } = new("https://127.0.0.1/sdk", "", "", "", 0, 0, "", "", 0, 0, 0, 0, 0, 0);
}
