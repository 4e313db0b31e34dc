namespace VcSync.Simulator;

/// <summary>How to start the simulator. Every value maps to a flag of <c>vcsim-vcsync</c> (see test/Simulator/README.md).</summary>
public sealed record SimulatorOptions
{
    /// <summary>World size preset: <c>small</c> (default, fast), <c>plan</c> (1,500 VMs), <c>10k</c> or <c>max</c> (45,000 VMs, 2,500 hosts).</summary>
    public string Size { get; init; } = "small";

    /// <summary>Number of VMs, overriding the preset.</summary>
    public int? Vms { get; init; }

    /// <summary>Number of hosts (clustered and standalone), overriding the preset.</summary>
    public int? Hosts { get; init; }

    /// <summary>Number of clusters, overriding the preset.</summary>
    public int? Clusters { get; init; }

    /// <summary>Number of standalone hosts (part of <see cref="Hosts"/>), overriding the preset.</summary>
    public int? StandaloneHosts { get; init; }

    /// <summary>Number of datastores, overriding the preset.</summary>
    public int? Datastores { get; init; }

    /// <summary>Number of distributed portgroups besides the uplinks, overriding the preset.</summary>
    public int? Portgroups { get; init; }

    /// <summary>Seed of the generated data: the same seed and size give the same world, morefs included.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Delay added to every SOAP call (a stand-in for network latency).</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    /// <summary>Server cap on the page size of <c>RetrievePropertiesEx</c> (vCenter-like default 1000).</summary>
    public int? MaxPage { get; init; }

    /// <summary>Page size when <c>maxObjects</c> is unset (vCenter-like default 100).</summary>
    public int? DefaultPage { get; init; }

    /// <summary>Fixed TCP port on 127.0.0.1; null picks a free one (a restart keeps the port either way).</summary>
    public int? Port { get; init; }

    /// <summary>The only user name Login accepts; null keeps the simulator's default.</summary>
    public string? Username { get; init; }

    /// <summary>The only password Login accepts; null keeps the simulator's default.</summary>
    public string? Password { get; init; }

    /// <summary><c>about.apiVersion</c>, e.g. <c>6.5</c> to pose as an old vCenter (then
    /// <c>hardware.systemInfo.serialNumber</c> is an InvalidProperty); null keeps <c>8.0.2.0</c>.</summary>
    public string? ApiVersion { get; init; }

    /// <summary><c>about.version</c>; null derives it from <see cref="ApiVersion"/>.</summary>
    public string? Version { get; init; }

    /// <summary>How long to wait for the simulator to print its start-up line (not counting a build).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Path of the <c>vcsim-vcsync</c> binary; null finds (and if needed builds) it under test/Simulator.
    /// The environment variable <c>VCSYNC_SIMULATOR</c> is used when this is null.</summary>
    public string? BinaryPath { get; init; }

    /// <summary>Extra command-line arguments passed as they are.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
