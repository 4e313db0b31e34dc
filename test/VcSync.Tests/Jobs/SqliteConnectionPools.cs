namespace VcSync.Tests.Jobs;

/// <summary>Closes pooled SQLite connections so the WAL is checkpointed and files can be read whole.</summary>
internal static class SqliteConnectionPools
{
    public static void Clear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
