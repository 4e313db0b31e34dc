using VcSync.Tests.Support;

namespace VcSync.Tests.Export;

/// <summary>Runs <c>vcsync export</c> as a user would and reads what it wrote back.</summary>
public static class ExportRun
{
    /// <summary>Exports <paramref name="database"/> to <paramref name="path"/> through the CLI; fails the test unless it succeeds.</summary>
    public static async Task<Workbook> XlsxAsync(string database, string path, params string[] more)
    {
        var run = await CliProcess.RunAsync(["export", "--db", database, "--format", "xlsx", "--out", path, .. more]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.StandardError.Trim());
        return await SpreadsheetReader.ReadXlsxAsync(path);
    }

    /// <summary>The CSV export of <paramref name="database"/> into <paramref name="directory"/>.</summary>
    public static async Task<Workbook> CsvAsync(string database, string directory, params string[] more)
    {
        var run = await CliProcess.RunAsync(["export", "--db", database, "--format", "csv", "--out", directory, .. more]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return await SpreadsheetReader.ReadCsvAsync(directory);
    }

    /// <summary><c>VI SDK Server</c> of a simulator: its host and port, as registered.</summary>
    public static string ServerOf(Uri sdkUrl) => $"{sdkUrl.Host}:{sdkUrl.Port}";
}
