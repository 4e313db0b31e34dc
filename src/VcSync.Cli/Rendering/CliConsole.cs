using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace VcSync.Cli.Rendering;

/// <summary>
/// The only place that writes to the terminal: data (tables, JSON) to standard output; progress, logs and errors to
/// standard error, so that <c>--json</c> output is always exactly one document.
/// </summary>
internal static class CliConsole
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IAnsiConsole Out { get; } = WithColumns(AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Out),
    }));

    public static IAnsiConsole Error { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });

    /// <summary>Piped output has no terminal width: honour <c>COLUMNS</c> then, so tables need not wrap at 80.</summary>
    private static IAnsiConsole WithColumns(IAnsiConsole console)
    {
        if (Console.IsOutputRedirected
            && int.TryParse(System.Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns)
            && columns is >= 20 and <= 10_000)
        {
            console.Profile.Width = columns;
        }

        return console;
    }

    /// <summary>Whether standard error is a terminal, where progress bars make sense.</summary>
    public static bool ErrorIsTerminal => !Console.IsErrorRedirected && Error.Profile.Capabilities.Interactive;

    public static void WriteJson<T>(T document)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(document, JsonOptions));
        Console.Out.Flush();
    }

    public static void Status(string line) => Console.Error.WriteLine(line);

    public static void Fail(string line) => Console.Error.WriteLine($"vcsync: error: {line}");
}
