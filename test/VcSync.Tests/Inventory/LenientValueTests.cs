using System.Globalization;
using VcSync.Inventory.Mapping;

namespace VcSync.Tests.Inventory;

/// <summary>
/// Integers nested in data objects often arrive as text. The readers take plain digit runs without the full parse; they
/// must read every text as <c>TryParse</c> (leading sign, invariant culture, trimmed) does, kept here as the oracle.
/// </summary>
public sealed class LenientValueTests
{
    [Fact]
    public void Text_reads_as_the_full_parse_reads_it()
    {
        string[] fixedCases =
        [
            "0", "-0", "+0", "7", "007", "-1", "+12", " 4000 ", "\t12", "12\n", "", " ", "-", "+", "--1", "1-", "1 2", "1.0", "1e3", "0x10",
            "999999999", "1000000000", "2147483647", "2147483648", "-2147483648", "-2147483649", "0000000002147483647",
            "999999999999999999", "1000000000000000000", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "-9223372036854775809", "٣", "１２", "12\u00a0", "\u200b12", "abc", "-abc", "99999999999999999999999",
        ];
        var random = new Random(20261202);
        var generated = new List<string>();
        const string alphabet = "0123456789-+ .";
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(0, 22);
            var chars = new char[length];
            for (var j = 0; j < length; j++)
            {
                chars[j] = random.Next(5) == 0 ? alphabet[random.Next(alphabet.Length)] : (char)('0' + random.Next(10));
            }

            generated.Add(new string(chars));
        }

        foreach (var text in fixedCases.Concat(generated))
        {
            Assert.Equal(IntOracle(text), LenientValue.Int(text));
            Assert.Equal(LongOracle(text), LenientValue.Long(text));
        }
    }

    private static int? IntOracle(string text) =>
        int.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null;

    private static long? LongOracle(string text) =>
        long.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null;
}
