using System.Runtime.Versioning;
using VcSync.Sync.Incremental;

namespace VcSync.Tests.Incremental;

/// <summary>The kept session cookies: one private file per vCenter and user.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class FileSessionCookieStoreTests : IDisposable
{
    private static readonly Uri Sdk = new("https://vc.example:443/sdk");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"vcsync-cookies-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void A_saved_cookie_is_read_back_for_its_vcenter_and_user_only_and_is_readable_by_its_owner_only()
    {
        var store = new FileSessionCookieStore(_directory);
        Assert.Null(store.Load(Sdk, "alice"));

        store.Save(Sdk, "alice", "\"52b4-secret\"");

        Assert.Equal("\"52b4-secret\"", store.Load(Sdk, "alice"));
        Assert.Null(store.Load(Sdk, "bob"));
        Assert.Null(store.Load(new Uri("https://other.example/sdk"), "alice"));
        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.DoesNotContain("alice", file, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_directory));
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1")]
    [InlineData("two words")]
    [InlineData("semi;colon")]
    [InlineData("\"\"")]
    [InlineData("caf\u00e9")]
    [InlineData("nul\u0000")]
    public void A_file_holding_anything_but_a_cookie_value_reads_as_no_session_and_such_a_value_is_never_saved(string text)
    {
        var store = new FileSessionCookieStore(_directory);
        store.Save(Sdk, "alice", "\"52b4-ok\"");
        File.WriteAllText(Assert.Single(Directory.GetFiles(_directory)), text);

        Assert.Null(store.Load(Sdk, "alice"));
        Assert.Throws<ArgumentException>(() => store.Save(Sdk, "alice", text));
    }

    [Fact]
    public void Saving_again_replaces_the_cookie_and_forgetting_removes_it()
    {
        var store = new FileSessionCookieStore(_directory);
        store.Save(Sdk, "alice", "one");
        store.Save(Sdk, "alice", "two");
        Assert.Equal("two", store.Load(Sdk, "alice"));
        Assert.Single(Directory.GetFiles(_directory));

        store.Forget(Sdk, "alice");
        store.Forget(Sdk, "alice");

        Assert.Null(store.Load(Sdk, "alice"));
    }
}
