namespace VcSync.Sync.Incremental;

/// <summary>A change collector and the view its filter walks, as morefs, for clean-up when it is not kept.</summary>
internal sealed record ManagedCollector(string Collector, string View);
