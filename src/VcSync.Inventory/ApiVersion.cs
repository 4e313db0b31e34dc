using System.Globalization;

namespace VcSync.Inventory;

/// <summary>A vSphere API version (<c>about.apiVersion</c>) such as <c>6.5</c>, <c>6.7.3</c>, <c>7.0.3.0</c> or <c>8.0.2.0</c>.</summary>
/// <param name="Major">The first component.</param>
/// <param name="Minor">The second component (0 when absent).</param>
/// <param name="Patch">The third component (0 when absent).</param>
/// <param name="Revision">The fourth component (0 when absent).</param>
public readonly record struct ApiVersion(int Major, int Minor, int Patch = 0, int Revision = 0) : IComparable<ApiVersion>
{
    /// <summary>API 6.5, the first with <c>config.bootOptions.efiSecureBootEnabled</c>.</summary>
    public static ApiVersion V65 { get; } = new(6, 5);

    /// <summary>API 6.7, the first with <c>hardware.systemInfo.serialNumber</c> and <c>config.createDate</c>.</summary>
    public static ApiVersion V67 { get; } = new(6, 7);

    /// <summary>
    /// Parses a dotted version. Each component is the leading digits of its part (<c>8.0.3.0U</c> reads as 8.0.3.0);
    /// at least a major component is required.
    /// </summary>
    public static bool TryParse(string? text, out ApiVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Span<int> parts = stackalloc int[4];
        var span = text.AsSpan().Trim();
        var count = 0;
        while (count < 4 && !span.IsEmpty)
        {
            var dot = span.IndexOf('.');
            var part = dot < 0 ? span : span[..dot];
            var digits = 0;
            while (digits < part.Length && char.IsAsciiDigit(part[digits]))
            {
                digits++;
            }

            if (digits == 0 || !int.TryParse(part[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out parts[count]))
            {
                break;
            }

            count++;
            if (dot < 0 || digits < part.Length)
            {
                break;
            }

            span = span[(dot + 1)..];
        }

        if (count == 0)
        {
            return false;
        }

        version = new ApiVersion(parts[0], parts[1], parts[2], parts[3]);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(ApiVersion other)
    {
        var c = Major.CompareTo(other.Major);
        if (c == 0)
        {
            c = Minor.CompareTo(other.Minor);
        }

        if (c == 0)
        {
            c = Patch.CompareTo(other.Patch);
        }

        return c == 0 ? Revision.CompareTo(other.Revision) : c;
    }

    /// <summary>Whether this version is <paramref name="other"/> or later.</summary>
    public bool IsAtLeast(ApiVersion other) => CompareTo(other) >= 0;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}.{Revision}");

    /// <summary>Whether <paramref name="left"/> is earlier than <paramref name="right"/>.</summary>
    public static bool operator <(ApiVersion left, ApiVersion right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is later than <paramref name="right"/>.</summary>
    public static bool operator >(ApiVersion left, ApiVersion right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is earlier than or equal to <paramref name="right"/>.</summary>
    public static bool operator <=(ApiVersion left, ApiVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is later than or equal to <paramref name="right"/>.</summary>
    public static bool operator >=(ApiVersion left, ApiVersion right) => left.CompareTo(right) >= 0;
}
