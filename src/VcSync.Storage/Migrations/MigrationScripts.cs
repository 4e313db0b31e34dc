using System.Collections.Concurrent;

namespace VcSync.Storage.Migrations;

/// <summary>
/// The embedded migration scripts of each dialect (<c>Migrations/&lt;dialect&gt;/NNNN_name.sql</c>), in name order. A
/// script's journal name is its manifest resource name, as DbUp recorded it before this runner replaced it, so
/// databases migrated then are up to date now.
/// </summary>
internal static class MigrationScripts
{
    /// <summary>The journal table; one row per script that ran.</summary>
    public const string JournalTable = "schema_versions";

    private static readonly ConcurrentDictionary<string, IReadOnlyList<MigrationScript>> Loaded = new(StringComparer.Ordinal);

    /// <summary>The scripts of <paramref name="dialect"/> (<see cref="ISqlDialect.Name"/>), by name.</summary>
    public static IReadOnlyList<MigrationScript> Of(string dialect) => Loaded.GetOrAdd(dialect, Load);

    private static IReadOnlyList<MigrationScript> Load(string dialect)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var folder = $".Migrations.{dialect}.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.Contains(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return new MigrationScript(name, reader.ReadToEnd());
            })
            .ToList();
    }
}
