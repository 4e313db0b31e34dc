using DbUp.Builder;

namespace VcSync.Storage.Migrations;

/// <summary>The embedded migration scripts of one dialect, and how DbUp runs them.</summary>
internal static class MigrationScripts
{
    /// <summary>DbUp's journal table; one row per script that ran.</summary>
    public const string JournalTable = "schema_versions";

    /// <summary>Adds the dialect's scripts (<c>Migrations/&lt;dialect&gt;/*.sql</c>, by name order), one transaction each.</summary>
    public static UpgradeEngineBuilder WithScripts(this UpgradeEngineBuilder builder, string dialect)
    {
        var folder = $".Migrations.{dialect}.";
        return builder
            .WithScriptsEmbeddedInAssembly(typeof(MigrationScripts).Assembly, name => name.Contains(folder, StringComparison.Ordinal))
            .WithTransactionPerScript();
    }
}
