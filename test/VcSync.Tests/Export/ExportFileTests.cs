using VcSync.Export.Writing;
using VcSync.Tests.Fixtures;
using VcSync.Tests.Support;

namespace VcSync.Tests.Export;

/// <summary>Where an export goes: an unwritable destination gets one line and leaves no file, partial or temporary.</summary>
public sealed class ExportFileTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_missing_directory_gets_one_line_and_no_file()
    {
        await using var db = new TempDatabase();
        await (await db.OpenAsync()).DisposeAsync();
        var target = db.File(Path.Combine("missing", "inventory.xlsx"));

        var run = await CliProcess.RunAsync(["export", "--db", db.Path, "--out", target]);

        AssertOneLineFailure(run, target);
        Assert.False(Directory.Exists(db.File("missing")));
        Assert.Equal(["vcsync.db"], FilesBeside(db));
    }

    [Fact]
    public async Task A_directory_in_the_way_of_the_workbook_gets_one_line_and_is_left_alone()
    {
        await using var db = new TempDatabase();
        await (await db.OpenAsync()).DisposeAsync();
        var target = db.File("inventory.xlsx");
        Directory.CreateDirectory(target);

        var run = await CliProcess.RunAsync(["export", "--db", db.Path, "--format", "xlsx", "--out", target]);

        AssertOneLineFailure(run, target);
        Assert.Empty(Directory.EnumerateFileSystemEntries(target));
        Assert.Equal(["inventory.xlsx", "vcsync.db"], FilesBeside(db));
    }

    [Fact]
    public async Task A_file_in_the_way_of_the_csv_directory_or_of_its_parent_gets_one_line()
    {
        await using var db = new TempDatabase();
        await (await db.OpenAsync()).DisposeAsync();
        var file = db.File("taken");
        await File.WriteAllTextAsync(file, "mine", Token);

        var intoFile = await CliProcess.RunAsync(["export", "--db", db.Path, "--format", "csv", "--out", file]);
        AssertOneLineFailure(intoFile, file);
        var underFile = await CliProcess.RunAsync(["export", "--db", db.Path, "--out", Path.Combine(file, "inventory.xlsx")]);
        AssertOneLineFailure(underFile, Path.Combine(file, "inventory.xlsx"));

        Assert.Equal("mine", await File.ReadAllTextAsync(file, Token));
        Assert.Equal(["taken", "vcsync.db"], FilesBeside(db));
    }

    [Fact]
    public async Task A_read_only_file_system_gets_one_line()
    {
        await using var db = new TempDatabase();
        await (await db.OpenAsync()).DisposeAsync();

        // /proc refuses new files even to root.
        var run = await CliProcess.RunAsync(["export", "--db", db.Path, "--out", "/proc/vcsync-inventory.xlsx"]);

        AssertOneLineFailure(run, "/proc/vcsync-inventory.xlsx");
        Assert.False(File.Exists("/proc/vcsync-inventory.xlsx"));
    }

    [Fact]
    public async Task A_workbook_abandoned_halfway_leaves_nothing_and_keeps_the_earlier_file()
    {
        await using var db = new TempDatabase();
        var target = db.File("inventory.xlsx");
        await File.WriteAllTextAsync(target, "earlier export", Token);

        await using (var writer = await XlsxSheetWriter.CreateAsync(target, Token))
        {
            await writer.StartSheetAsync("vInfo", ["VM", "CPUs"], Token);
            for (var i = 0; i < 10_000; i++)
            {
                await writer.WriteRowAsync(new[] { CellValue.Of($"vm-{i}"), CellValue.Of(4L) }, Token);
            }

            // No commit: an error or a cancellation ends the export here.
        }

        Assert.Equal("earlier export", await File.ReadAllTextAsync(target, Token));
        Assert.Equal(["inventory.xlsx"], FilesBeside(db).Where(f => f != "vcsync.db"));
    }

    [Fact]
    public async Task Csv_files_abandoned_halfway_leave_nothing()
    {
        await using var db = new TempDatabase();
        var directory = db.File("csv");

        await using (var writer = CsvSheetWriter.Create(directory))
        {
            await writer.StartSheetAsync("vInfo", ["VM"], Token);
            await writer.WriteRowAsync(new[] { CellValue.Of("vm-1") }, Token);
            await writer.StartSheetAsync("vCPU", ["VM"], Token);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(directory));
    }

    [Fact]
    public async Task An_empty_database_exports_every_sheet_with_its_header()
    {
        await using var db = new TempDatabase();
        await (await db.OpenAsync()).DisposeAsync();
        var target = db.File("empty.xlsx");

        using var workbook = await ExportRun.XlsxAsync(db.Path, target);

        Assert.Equal(RvToolsHeaders.Sheets, workbook.SheetNames);
        foreach (var name in workbook.SheetNames)
        {
            ExportAssert.HeadersMatch(name, workbook[name].Headers);
            Assert.Empty(workbook[name].Rows);
        }

        Assert.Equal(["empty.xlsx", "vcsync.db"], FilesBeside(db).Where(f => !f.StartsWith("vcsync.db-", StringComparison.Ordinal)));
    }

    private static void AssertOneLineFailure(CliProcess.Run run, string target)
    {
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Empty(run.StandardOutput);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("vcsync: error: cannot write ", line, StringComparison.Ordinal);
        Assert.Contains(target, line, StringComparison.Ordinal);
    }

    /// <summary>The names in the database's directory, temporary files included, SQLite's WAL files left out.</summary>
    private static List<string> FilesBeside(TempDatabase db) =>
        [.. Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(db.Path)!)
            .Select(p => Path.GetFileName(p)!)
            .Where(n => n is not ("vcsync.db-wal" or "vcsync.db-shm"))
            .Order(StringComparer.Ordinal)];
}
