namespace VcSync.Inventory;

/// <summary>The managed types and property paths VcSync reads, as constants shared by the specs and the mapping.</summary>
public static class InventoryPaths
{
    /// <summary>Managed object type names.</summary>
    public static class Types
    {
        /// <summary><c>VirtualMachine</c>.</summary>
        public const string VirtualMachine = "VirtualMachine";

        /// <summary><c>HostSystem</c>.</summary>
        public const string HostSystem = "HostSystem";

        /// <summary><c>ClusterComputeResource</c>.</summary>
        public const string ClusterComputeResource = "ClusterComputeResource";

        /// <summary><c>ComputeResource</c>, the parent of a standalone host.</summary>
        public const string ComputeResource = "ComputeResource";

        /// <summary><c>Datastore</c>.</summary>
        public const string Datastore = "Datastore";

        /// <summary><c>Network</c> (a standard portgroup), also the base of the other network types.</summary>
        public const string Network = "Network";

        /// <summary><c>OpaqueNetwork</c> (NSX), a <c>Network</c>.</summary>
        public const string OpaqueNetwork = "OpaqueNetwork";

        /// <summary><c>DistributedVirtualPortgroup</c>, a <c>Network</c>.</summary>
        public const string DistributedVirtualPortgroup = "DistributedVirtualPortgroup";

        /// <summary><c>DistributedVirtualSwitch</c>.</summary>
        public const string DistributedVirtualSwitch = "DistributedVirtualSwitch";

        /// <summary><c>VmwareDistributedVirtualSwitch</c>, the usual concrete switch type.</summary>
        public const string VmwareDistributedVirtualSwitch = "VmwareDistributedVirtualSwitch";

        /// <summary><c>Folder</c> (the root folder carries the triggered alarms).</summary>
        public const string Folder = "Folder";

        /// <summary><c>Datacenter</c>.</summary>
        public const string Datacenter = "Datacenter";

        /// <summary><c>StoragePod</c>, a datastore cluster (a <c>Folder</c>).</summary>
        public const string StoragePod = "StoragePod";

        /// <summary><c>ResourcePool</c> (a <c>VirtualApp</c> is one too).</summary>
        public const string ResourcePool = "ResourcePool";

        /// <summary><c>VirtualApp</c>.</summary>
        public const string VirtualApp = "VirtualApp";

        /// <summary><c>Alarm</c>, an alarm definition.</summary>
        public const string Alarm = "Alarm";

        /// <summary><c>ContainerView</c>.</summary>
        public const string ContainerView = "ContainerView";
    }

    /// <summary><c>name</c>.</summary>
    public const string Name = "name";

    /// <summary><c>parent</c>.</summary>
    public const string Parent = "parent";

    /// <summary><c>host</c>: mounts of a datastore, hosts of a network.</summary>
    public const string Host = "host";

    /// <summary><c>vm</c>.</summary>
    public const string Vm = "vm";

    /// <summary><c>config.uuid</c>.</summary>
    public const string VmUuid = "config.uuid";

    /// <summary><c>config.hardware.numCPU</c>.</summary>
    public const string VmNumCpu = "config.hardware.numCPU";

    /// <summary><c>config.hardware.memoryMB</c>.</summary>
    public const string VmMemoryMb = "config.hardware.memoryMB";

    /// <summary><c>config.template</c>.</summary>
    public const string VmTemplate = "config.template";

    /// <summary><c>runtime.powerState</c>.</summary>
    public const string VmPowerState = "runtime.powerState";

    /// <summary><c>runtime.host</c>.</summary>
    public const string VmHost = "runtime.host";

    /// <summary><c>guest.ipAddress</c>.</summary>
    public const string VmIpAddress = "guest.ipAddress";

    /// <summary><c>guest.toolsStatus</c>.</summary>
    public const string VmToolsStatus = "guest.toolsStatus";

    /// <summary><c>guest.toolsVersionStatus</c>.</summary>
    public const string VmToolsVersionStatus = "guest.toolsVersionStatus";

    /// <summary><c>summary.config.guestFullName</c>.</summary>
    public const string VmGuestFullName = "summary.config.guestFullName";

    /// <summary><c>summary.storage.uncommitted</c>.</summary>
    public const string VmUncommitted = "summary.storage.uncommitted";

    /// <summary><c>hardware.systemInfo.serialNumber</c> (API 6.7 and later only).</summary>
    public const string HostSerialNumber = "hardware.systemInfo.serialNumber";

    /// <summary><c>hardware.systemInfo.otherIdentifyingInfo</c>.</summary>
    public const string HostOtherIdentifyingInfo = "hardware.systemInfo.otherIdentifyingInfo";

    /// <summary><c>config.product.version</c>.</summary>
    public const string HostProductVersion = "config.product.version";

    /// <summary><c>config.product.build</c>.</summary>
    public const string HostProductBuild = "config.product.build";

    /// <summary><c>runtime.connectionState</c>.</summary>
    public const string HostConnectionState = "runtime.connectionState";

    /// <summary><c>runtime.inMaintenanceMode</c>.</summary>
    public const string HostInMaintenanceMode = "runtime.inMaintenanceMode";

    /// <summary><c>summary.totalCpu</c>.</summary>
    public const string ClusterTotalCpu = "summary.totalCpu";

    /// <summary><c>summary.effectiveCpu</c>.</summary>
    public const string ClusterEffectiveCpu = "summary.effectiveCpu";

    /// <summary><c>summary.totalMemory</c>.</summary>
    public const string ClusterTotalMemory = "summary.totalMemory";

    /// <summary><c>summary.effectiveMemory</c>.</summary>
    public const string ClusterEffectiveMemory = "summary.effectiveMemory";

    /// <summary><c>summary.numHosts</c>.</summary>
    public const string ClusterNumHosts = "summary.numHosts";

    /// <summary><c>summary.numEffectiveHosts</c>.</summary>
    public const string ClusterNumEffectiveHosts = "summary.numEffectiveHosts";

    /// <summary><c>summary.overallStatus</c>.</summary>
    public const string ClusterOverallStatus = "summary.overallStatus";

    /// <summary><c>configuration.dasConfig.enabled</c>.</summary>
    public const string ClusterHaEnabled = "configuration.dasConfig.enabled";

    /// <summary><c>configuration.drsConfig.enabled</c>.</summary>
    public const string ClusterDrsEnabled = "configuration.drsConfig.enabled";

    /// <summary><c>configuration.drsConfig.defaultVmBehavior</c>.</summary>
    public const string ClusterDrsBehavior = "configuration.drsConfig.defaultVmBehavior";

    /// <summary><c>summary.type</c>.</summary>
    public const string DatastoreType = "summary.type";

    /// <summary><c>summary.capacity</c>.</summary>
    public const string DatastoreCapacity = "summary.capacity";

    /// <summary><c>summary.freeSpace</c>.</summary>
    public const string DatastoreFreeSpace = "summary.freeSpace";

    /// <summary><c>summary.accessible</c>.</summary>
    public const string DatastoreAccessible = "summary.accessible";

    /// <summary><c>summary.maintenanceMode</c>.</summary>
    public const string DatastoreMaintenanceMode = "summary.maintenanceMode";

    /// <summary><c>config.distributedVirtualSwitch</c>.</summary>
    public const string PortgroupSwitch = "config.distributedVirtualSwitch";

    /// <summary><c>config.uplink</c>.</summary>
    public const string PortgroupUplink = "config.uplink";

    /// <summary>
    /// <c>config.defaultPortConfig</c>. Never ask for <c>config.defaultPortConfig.vlan</c>: <c>vlan</c> is declared on
    /// the subtype <c>VMwareDVSPortSetting</c> and real vCenter fails the whole call with <c>InvalidProperty</c>.
    /// </summary>
    public const string PortgroupDefaultPortConfig = "config.defaultPortConfig";

    /// <summary><c>triggeredAlarmState</c>, asked of the root folder.</summary>
    public const string TriggeredAlarmState = "triggeredAlarmState";

    /// <summary><c>info.name</c> of an <c>Alarm</c>.</summary>
    public const string AlarmInfoName = "info.name";

    /// <summary><c>resourcePool</c>.</summary>
    public const string VmResourcePool = "resourcePool";

    /// <summary><c>config.annotation</c>.</summary>
    public const string VmAnnotation = "config.annotation";

    /// <summary><c>config.version</c>.</summary>
    public const string VmHardwareVersion = "config.version";

    /// <summary><c>config.firmware</c>.</summary>
    public const string VmFirmware = "config.firmware";

    /// <summary><c>config.bootOptions.efiSecureBootEnabled</c>.</summary>
    public const string VmSecureBoot = "config.bootOptions.efiSecureBootEnabled";

    /// <summary><c>config.createDate</c>.</summary>
    public const string VmCreateDate = "config.createDate";

    /// <summary><c>runtime.connectionState</c>.</summary>
    public const string VmConnectionState = "runtime.connectionState";

    /// <summary><c>runtime.bootTime</c>.</summary>
    public const string VmBootTime = "runtime.bootTime";

    /// <summary><c>guest.hostName</c>.</summary>
    public const string VmGuestHostName = "guest.hostName";

    /// <summary><c>guest.guestState</c>.</summary>
    public const string VmGuestState = "guest.guestState";

    /// <summary><c>config.guestId</c>.</summary>
    public const string VmConfigGuestId = "config.guestId";

    /// <summary><c>guest.guestId</c>.</summary>
    public const string VmToolsGuestId = "guest.guestId";

    /// <summary><c>guest.guestFullName</c>.</summary>
    public const string VmToolsGuestFullName = "guest.guestFullName";

    /// <summary><c>guest.toolsVersion</c>.</summary>
    public const string VmToolsVersion = "guest.toolsVersion";

    /// <summary><c>guest.toolsRunningStatus</c>.</summary>
    public const string VmToolsRunningStatus = "guest.toolsRunningStatus";

    /// <summary><c>guest.net</c>.</summary>
    public const string VmGuestNet = "guest.net";

    /// <summary><c>guest.disk</c>.</summary>
    public const string VmGuestDisk = "guest.disk";

    /// <summary><c>config.hardware.numCoresPerSocket</c>.</summary>
    public const string VmCoresPerSocket = "config.hardware.numCoresPerSocket";

    /// <summary><c>summary.storage.committed</c>.</summary>
    public const string VmCommitted = "summary.storage.committed";

    /// <summary><c>summary.storage.unshared</c>.</summary>
    public const string VmUnshared = "summary.storage.unshared";

    /// <summary><c>config.cpuAllocation</c>.</summary>
    public const string VmCpuAllocation = "config.cpuAllocation";

    /// <summary><c>config.memoryAllocation</c>.</summary>
    public const string VmMemoryAllocation = "config.memoryAllocation";

    /// <summary><c>config.hardware.device</c>.</summary>
    public const string VmDevices = "config.hardware.device";

    /// <summary><c>snapshot</c>.</summary>
    public const string VmSnapshot = "snapshot";

    /// <summary><c>customValue</c>.</summary>
    public const string CustomValue = "customValue";

    /// <summary><c>summary.hardware.vendor</c>.</summary>
    public const string HostVendor = "summary.hardware.vendor";

    /// <summary><c>summary.hardware.model</c>.</summary>
    public const string HostModel = "summary.hardware.model";

    /// <summary><c>summary.hardware.cpuModel</c>.</summary>
    public const string HostCpuModel = "summary.hardware.cpuModel";

    /// <summary><c>summary.hardware.cpuMhz</c>.</summary>
    public const string HostCpuMhz = "summary.hardware.cpuMhz";

    /// <summary><c>summary.hardware.numCpuPkgs</c>.</summary>
    public const string HostCpuPackages = "summary.hardware.numCpuPkgs";

    /// <summary><c>summary.hardware.numCpuCores</c>.</summary>
    public const string HostCpuCores = "summary.hardware.numCpuCores";

    /// <summary><c>summary.hardware.numCpuThreads</c>.</summary>
    public const string HostCpuThreads = "summary.hardware.numCpuThreads";

    /// <summary><c>summary.hardware.memorySize</c>.</summary>
    public const string HostMemorySize = "summary.hardware.memorySize";

    /// <summary><c>summary.hardware.numNics</c>.</summary>
    public const string HostNumNics = "summary.hardware.numNics";

    /// <summary><c>summary.hardware.numHBAs</c>.</summary>
    public const string HostNumHbas = "summary.hardware.numHBAs";

    /// <summary><c>hardware.biosInfo</c>.</summary>
    public const string HostBiosInfo = "hardware.biosInfo";

    /// <summary><c>runtime.bootTime</c>.</summary>
    public const string HostBootTime = "runtime.bootTime";

    /// <summary><c>config.network.portgroup</c>.</summary>
    public const string HostPortgroups = "config.network.portgroup";

    /// <summary><c>summary.url</c>.</summary>
    public const string DatastoreUrl = "summary.url";

    /// <summary><c>summary.uncommitted</c>.</summary>
    public const string DatastoreUncommitted = "summary.uncommitted";

    /// <summary><c>key</c>.</summary>
    public const string PortgroupKey = "key";

    /// <summary><c>uuid</c>.</summary>
    public const string SwitchUuid = "uuid";

    /// <summary><c>field</c>.</summary>
    public const string CustomFieldDefinitions = "field";
}
