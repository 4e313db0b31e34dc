using Microsoft.Data.Sqlite;

namespace VcSync.Tests.Jobs;

/// <summary>
/// Every row write to <c>job_tasks</c> of a SQLite database, in order, recorded by a trigger the test installs in its
/// own database: the history of a task as the database saw it, not as a poller happened to catch it.
/// </summary>
public sealed class TaskWriteLog
{
    private readonly string _connectionString;

    private TaskWriteLog(string connectionString)
    {
        _connectionString = connectionString;
    }

    /// <summary>One write: the task row as it was after it.</summary>
    public sealed record Write(string Name, string Status, int Progress, string? Message);

    /// <summary>Installs the log table and trigger in the (migrated) database at <paramref name="path"/>.</summary>
    public static async Task<TaskWriteLog> InstallAsync(string path)
    {
        var log = new TaskWriteLog(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await log.ExecuteAsync("""
            CREATE TABLE test_job_task_writes (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT, name TEXT, status TEXT, progress INTEGER, message TEXT);
            CREATE TRIGGER test_log_job_task_writes AFTER UPDATE ON job_tasks
            BEGIN
                INSERT INTO test_job_task_writes (job_id, name, status, progress, message)
                VALUES (NEW.job_id, NEW.name, NEW.status, NEW.progress, NEW.message);
            END;
            """);
        return log;
    }

    /// <summary>The writes to task <paramref name="name"/> of job <paramref name="jobId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Write>> ReadAsync(Guid jobId, string name)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT job_id, name, status, progress, message FROM test_job_task_writes WHERE name = $name ORDER BY seq";
        command.Parameters.AddWithValue("$name", name);
        var writes = new List<Write>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            if (Guid.Parse(reader.GetString(0)) == jobId)
            {
                writes.Add(new Write(reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }

        return writes;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
