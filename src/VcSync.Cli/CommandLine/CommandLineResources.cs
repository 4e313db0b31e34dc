using System.CommandLine;
using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace VcSync.Cli.CommandLine;

/// <summary>
/// System.CommandLine's own strings without a <see cref="ResourceManager"/> at start-up. <c>new RootCommand()</c> asks
/// for the help and version options' descriptions, and the first ask builds System.CommandLine's resource manager:
/// in the native executable that is reflection over the assemblies' metadata (the manager looks up the assembly's
/// <c>NeutralResourcesLanguageAttribute</c>), a ninth of <c>vcsync --help</c>'s profile. This manager answers
/// those two itself, with the text the package ships, and hands every other string (parse errors) to the package's
/// own manager, built on the first such ask.
/// </summary>
internal sealed class CommandLineResources : ResourceManager
{
    private const string ResourcesType = "System.CommandLine.Properties.Resources, System.CommandLine";

    private readonly Lazy<ResourceManager> _package = new(
        () => new ResourceManager("System.CommandLine.Properties.Resources", typeof(RootCommand).Assembly),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private CommandLineResources()
    {
    }

    /// <summary>Gives System.CommandLine this manager (once); call before the first command is built.</summary>
    public static void Install()
    {
        ref var manager = ref PackageResourceManager(null);
        if (manager is not CommandLineResources)
        {
            manager = new CommandLineResources();
        }
    }

    /// <summary>The manager System.CommandLine uses now (null before its first string).</summary>
    public static ResourceManager? Current => PackageResourceManager(null);

    // With invariant globalization the culture is always the invariant one, whose strings are the package's neutral
    // (English) ones: these two are those, word for word.
    public override string? GetString(string name, CultureInfo? culture) => name switch
    {
        "HelpOptionDescription" => "Show help and usage information",
        "VersionOptionDescription" => "Show version information",
        _ => _package.Value.GetString(name, culture),
    };

    public override string? GetString(string name) => GetString(name, null);

    // The generated resource class's cached manager (Properties/Resources.Designer.cs: `resourceMan`); its getter
    // builds the package's manager only while this is null. UnsafeAccessor is resolved when the executable is compiled:
    // no reflection, and a renamed field fails every command at once (and the tests) rather than going unnoticed.
    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "resourceMan")]
    private static extern ref ResourceManager? PackageResourceManager([UnsafeAccessorType(ResourcesType)] object? resources);
}
