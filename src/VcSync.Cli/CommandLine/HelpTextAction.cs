using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace VcSync.Cli.CommandLine;

/// <summary>
/// <c>--help</c>: the command's <see cref="HelpText"/>, written at once, wrapped to the terminal's width (not wrapped
/// when standard output is redirected), as System.CommandLine's own help action does.
/// </summary>
internal sealed class HelpTextAction : SynchronousCommandLineAction
{
    /// <summary>Help is shown even when the rest of the command line has errors (a missing argument, say).</summary>
    public override bool ClearsParseErrors => true;

    /// <summary>Makes <paramref name="root"/>'s help option (inherited by every subcommand) write <see cref="HelpText"/>.</summary>
    public static void Attach(Command root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new HelpTextAction();
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        output.Write(HelpText.Of(parseResult.CommandResult.Command, MaxWidth()));
        output.Flush();
        return ExitCodes.Success;
    }

    private static int MaxWidth()
    {
        try
        {
            return Console.IsOutputRedirected ? int.MaxValue : Console.WindowWidth;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return int.MaxValue;
        }
    }
}
