using System.Text;
using VcSync.Vim.Tests.Fakes;
using VcSync.Vim.Values;

namespace VcSync.Vim.Tests;

/// <summary>Repeated short values share one string; every value still decodes to its own text.</summary>
public sealed class ShortTextCacheTests
{
    [Fact]
    public void A_repeated_ascii_value_is_one_instance_and_others_decode_exactly()
    {
        var cache = new ShortTextCache();
        var first = cache.Get("poweredOn"u8);
        Assert.Same(first, cache.Get("poweredOn"u8));
        Assert.Equal("poweredOff", cache.Get("poweredOff"u8));
        Assert.Equal(string.Empty, cache.Get([]));

        // Non-ASCII text is decoded every time (never matched against a cached string).
        var accented = Encoding.UTF8.GetBytes("café");
        Assert.Equal("café", cache.Get(accented));
        Assert.Equal("café", cache.Get(accented));
    }

    [Fact]
    public void Thousands_of_distinct_values_sharing_slots_each_decode_to_their_own_text()
    {
        var cache = new ShortTextCache();
        var random = new Random(20261202);
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 20_000; i++)
            {
                // Same length, same first and last eight bytes: they differ only in the middle.
                var text = $"prefix-0{i:D8}0-suffix";
                Assert.Equal(text, cache.Get(Encoding.ASCII.GetBytes(text)));
                var other = new string((char)random.Next('a', 'z' + 1), random.Next(1, ShortTextCache.MaxLength + 1));
                Assert.Equal(other, cache.Get(Encoding.ASCII.GetBytes(other)));
            }
        }
    }

    [Fact]
    public void Decoded_values_are_the_same_with_references_line_ends_and_repeats()
    {
        var data = Decode.Data(
            "<val xsi:type=\"VirtualDisk\"><a>1000</a><b>1000</b><c>a&amp;b</c><d>x\r\ny</d><e>ünï</e><f>" +
            new string('z', ShortTextCache.MaxLength + 1) + "</f><g></g><h>10<![CDATA[00]]></h></val>");

        Assert.Equal("1000", data["a"]);
        Assert.Same(data["a"], data["b"]);
        Assert.Equal("a&b", data["c"]);
        Assert.Equal("x\ny", data["d"]);
        Assert.Equal("ünï", data["e"]);
        Assert.Equal(new string('z', ShortTextCache.MaxLength + 1), data["f"]);
        Assert.Equal(string.Empty, data["g"]);
        Assert.Equal("1000", data["h"]);
    }
}
