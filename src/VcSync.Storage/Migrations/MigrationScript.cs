namespace VcSync.Storage.Migrations;

/// <summary>One migration: its journal name and its SQL (any number of statements).</summary>
internal sealed record MigrationScript(string Name, string Sql);
