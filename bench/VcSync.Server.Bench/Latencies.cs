using System.Globalization;

namespace VcSync.Server.Bench;

/// <summary>Request latencies in milliseconds, and their percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    public void Add(double milliseconds)
    {
        lock (_values)
        {
            _values.Add(milliseconds);
        }
    }

    public double Percentile(double p)
    {
        lock (_values)
        {
            if (_values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _values.Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
        }
    }

    public string P50 => Percentile(50).ToString("0.0", CultureInfo.InvariantCulture);

    public string P95 => Percentile(95).ToString("0.0", CultureInfo.InvariantCulture);
}
