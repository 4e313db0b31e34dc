using System.Diagnostics;
using System.Text.Json;

namespace VcSync.Tests.Export;

/// <summary>
/// Reads an export back with independent readers in a child process: openpyxl (Debian's python3-openpyxl, which
/// test.sh installs) for the workbook, Python's csv module for CSV files. Cells come back as JSON: text, numbers,
/// times (ISO-8601) and null for an empty cell; a cell openpyxl sees as a formula comes back as <c>{"formula": ...}</c>.
/// </summary>
public static class SpreadsheetReader
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import csv, datetime, json, os, sys
        def cell(c):
            if c.data_type == 'f':
                return {'formula': str(c.value)}
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date)):
                return v.isoformat()
            return v
        out = {}
        if sys.argv[1] == 'xlsx':
            import openpyxl
            wb = openpyxl.load_workbook(sys.argv[2])
            for ws in wb.worksheets:
                out[ws.title] = [[cell(c) for c in row] for row in ws.iter_rows()]
        else:
            for name in sorted(os.listdir(sys.argv[2])):
                with open(os.path.join(sys.argv[2], name), newline='', encoding='utf-8') as f:
                    out[name] = list(csv.reader(f))
        json.dump(out, sys.stdout)
        """;

    /// <summary>Every sheet of the workbook, in workbook order: its rows, the header first.</summary>
    public static Task<Workbook> ReadXlsxAsync(string path) => RunAsync("xlsx", path);

    /// <summary>Every file of the directory by file name (<c>vInfo.csv</c>): its rows as text, the header first.</summary>
    public static Task<Workbook> ReadCsvAsync(string directory) => RunAsync("csv", directory);

    private static async Task<Workbook> RunAsync(string kind, string path)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: test.sh installs python3-openpyxl");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(kind);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"reading {path} failed (is python3-openpyxl installed? test.sh installs it):\n{await error}");
        return new Workbook(JsonDocument.Parse(await output));
    }
}
