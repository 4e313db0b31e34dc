namespace VcSync.Tests.Storage;

/// <summary>Strings that break SQL built by concatenation, careless XML, trimming or narrow encodings.</summary>
internal static class HostileStrings
{
    public static IReadOnlyList<string> All { get; } =
    [
        "O'Brien's \"vm\"",
        "'; DROP TABLE vcenter_vms; --",
        "Robert'); DELETE FROM vcenters WHERE ('1'='1",
        "<vm attr=\"x\">&amp; &lt;/vm&gt;]]>",
        "emoji 🚀🔥 vm",
        "Ünïcödé Ωμέγα 名前 имя",
        "  leading and trailing spaces  ",
        "tab\tand\nnewline",
        "back\\slash %wild_card% $1 @p0 :name ?",
        "\u200Bzero-width",
    ];
}
