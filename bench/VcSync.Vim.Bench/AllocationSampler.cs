using System.Diagnostics.Tracing;

namespace VcSync.Vim.Bench;

/// <summary>
/// Samples the runtime's allocation ticks (one event per ~100 KB allocated, naming the type that crossed it) while a
/// measure runs, for <c>file PAGE.xml ROUNDS ONLY alloc</c>: which types the parse allocates, by sampled bytes.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public bool Enabled { get; set; }

    public void Print()
    {
        lock (_gate)
        {
            var total = _bytes.Values.Sum();
            foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(25))
            {
                Console.WriteLine($"  {bytes * 100.0 / total,5:F1} %  {type}");
            }
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!Enabled || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var index = eventData.PayloadNames!.IndexOf("TypeName");
        var amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
        var type = index >= 0 ? eventData.Payload[index] as string ?? "?" : "?";
        var amount = amountIndex >= 0 ? Convert.ToInt64(eventData.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_gate)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }
}
