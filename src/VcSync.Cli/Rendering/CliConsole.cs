using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace VcSync.Cli.Rendering;

/// <summary>
/// The only place that writes to the terminal: data (tables, JSON) to standard output; progress, logs and errors to
/// standard error, so that <c>--json</c> output is always exactly one document.
/// </summary>
internal static class CliConsole
{
    /// <summary>The CLI's JSON: indented, snake_case, times as the contract stores them, source-generated.</summary>
    public static CliJsonContext Json { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new UtcTimestampJsonConverter() },
    });

    public static IAnsiConsole Out { get; } = CreateOut();

    public static IAnsiConsole Error { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });

    private static IAnsiConsole CreateOut()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });

        // Piped into a file or another program, a table is read whole: don't wrap it at a made-up 80 columns.
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 400;
        }

        return console;
    }

    /// <summary>Whether standard error is a terminal, where progress bars make sense.</summary>
    public static bool ErrorIsTerminal => !Console.IsErrorRedirected && Error.Profile.Capabilities.Interactive;

    public static void WriteJson<T>(T document, JsonTypeInfo<T> typeInfo)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(document, typeInfo));
        Console.Out.Flush();
    }

    public static void Status(string line) => Console.Error.WriteLine(line);

    public static void Fail(string line) => Console.Error.WriteLine($"vcsync: error: {line}");
}
