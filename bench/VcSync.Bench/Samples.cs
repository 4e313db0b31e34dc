namespace VcSync.Bench;

/// <summary>The timings of one measurement: every repetition after the warm-up, summarised by median and minimum.</summary>
internal sealed class Samples
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public double Median
    {
        get
        {
            if (_milliseconds.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _milliseconds.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Min();

    public void Add(double milliseconds) => _milliseconds.Add(milliseconds);

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);
}
