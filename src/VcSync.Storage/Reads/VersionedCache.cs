using System.Collections.Concurrent;

namespace VcSync.Storage.Reads;

/// <summary>
/// Results kept with the data version (<see cref="DataVersionProbe"/>) they were computed at, and served only while
/// the database is still at that version. Bounded: when full it starts over.
/// </summary>
internal sealed class VersionedCache<T>
{
    private readonly ConcurrentDictionary<string, (string Version, T Value)> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public VersionedCache(int capacity)
    {
        _capacity = capacity;
    }

    public bool TryGet(string key, string version, out T value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(string key, string version, T value)
    {
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        _entries[key] = (version, value);
    }
}
