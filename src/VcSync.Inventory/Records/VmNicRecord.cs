namespace VcSync.Inventory.Records;

/// <summary>A virtual NIC of a VM (<c>vcenter_vm_nics</c>), from <c>config.hardware.device</c>.</summary>
public sealed record VmNicRecord
{
    /// <summary>The VM.</summary>
    public required string VmMoref { get; init; }

    /// <summary>The device's <c>key</c>, unique within the VM.</summary>
    public required int DeviceKey { get; init; }

    /// <summary><c>deviceInfo.label</c>, e.g. <c>Network adapter 1</c>.</summary>
    public string? Label { get; init; }

    /// <summary>The adapter, from the device type: <c>vmxnet3</c>, <c>e1000e</c>, <c>e1000</c>, ...</summary>
    public string? AdapterType { get; init; }

    /// <summary><c>macAddress</c>.</summary>
    public string? MacAddress { get; init; }

    /// <summary><c>connectable.connected</c>.</summary>
    public bool? Connected { get; init; }

    /// <summary><c>connectable.startConnected</c>.</summary>
    public bool? StartConnected { get; init; }

    /// <summary>The network: the backing's <c>network</c>, or the portgroup of a distributed port.</summary>
    public string? NetworkMoref { get; init; }

    /// <summary>That network's name.</summary>
    public string? NetworkName { get; init; }

    /// <summary><c>standard</c>, <c>distributed</c> or <c>opaque</c>, as <c>vcenter_networks.network_type</c>.</summary>
    public string? NetworkType { get; init; }

    /// <summary>The distributed switch, or the host's standard vSwitch that carries the portgroup.</summary>
    public string? SwitchName { get; init; }

    /// <summary>The NIC's addresses from <c>guest.net</c>, comma-separated.</summary>
    public string? IpAddresses { get; init; }

}
