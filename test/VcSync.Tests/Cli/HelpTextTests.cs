using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Resources;
using VcSync.Cli.CommandLine;

namespace VcSync.Tests.Cli;

/// <summary>
/// <c>--help</c> is written by <see cref="HelpText"/> and the command tree is built without System.CommandLine's
/// resource manager, for start-up time; what users read stays System.CommandLine's own help, word for word.
/// </summary>
public sealed class HelpTextTests
{
    public static TheoryData<int> Widths => [int.MaxValue, 120, 80, 50, 20];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_commands_help_is_what_the_help_builder_writes(int width)
    {
        var root = VcSyncCommandLine.Build();
        var commands = new List<Command>();
        Collect(root, commands);
        Assert.True(commands.Count > 20, $"{commands.Count} commands");

        foreach (var command in commands)
        {
            var expected = BuilderHelp(root, command, width);
            Assert.Contains("Usage:", expected, StringComparison.Ordinal);
            Assert.Equal(expected, HelpText.Of(command, width));
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void The_root_help_built_from_names_only_is_the_whole_trees(int width)
    {
        var whole = HelpText.Of(VcSyncCommandLine.Build(), width);
        foreach (var token in new[] { "--help", "-h", "-?", "/?" })
        {
            var namesOnly = VcSyncCommandLine.Build([token]);
            Assert.All(namesOnly.Subcommands, c => Assert.Empty(c.Options));
            Assert.Equal(whole, HelpText.Of(namesOnly, width));
        }

        // Any other command line builds every command whole.
        Assert.NotEmpty(VcSyncCommandLine.Build(["sync", "--help"]).Subcommands.Single(c => c.Name == "sync").Options);
        Assert.NotEmpty(VcSyncCommandLine.Build(["--help", "--verbose"]).Subcommands.Single(c => c.Name == "sync").Options);
    }

    [Fact]
    public void The_help_option_writes_the_help_text_even_when_the_command_line_has_errors()
    {
        var root = VcSyncCommandLine.Build();
        Assert.IsType<HelpTextAction>(root.Options.OfType<HelpOption>().Single().Action);

        // `jobs show` without its required id: help all the same, exit code 0.
        var parse = root.Parse(["jobs", "show", "--help"]);
        Assert.Empty(parse.Errors);
        using var output = new StringWriter();
        Assert.Equal(0, parse.Invoke(new InvocationConfiguration { Output = output }));
        var show = root.Subcommands.Single(c => c.Name == "jobs").Subcommands.Single(c => c.Name == "show");
        Assert.Equal(HelpText.Of(show, int.MaxValue), output.ToString());
        Assert.Contains("  <id>  The job's id (or a unique prefix of it)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_root_help_lists_every_command_and_the_options_with_their_descriptions()
    {
        var root = VcSyncCommandLine.Build();
        var help = HelpText.Of(root, int.MaxValue);

        Assert.StartsWith("Description:\n  VcSync: mirror a VMware vCenter inventory", help, StringComparison.Ordinal);
        // The root's name is the executable's: vcsync, or the test host's here.
        Assert.Contains($"Usage:\n  {root.Name} [command] [options]\n", help, StringComparison.Ordinal);
        Assert.Matches(@"\n  -\?, -h, --help +Show help and usage information\n", help);
        Assert.Matches(@"\n  --version +Show version information\n", help);
        foreach (var command in root.Subcommands)
        {
            Assert.Matches($@"\n  {command.Name} +{System.Text.RegularExpressions.Regex.Escape(command.Description!)}\n", help);
        }
    }

    [Fact]
    public void System_CommandLines_strings_come_from_the_installed_manager_and_match_the_package()
    {
        VcSyncCommandLine.Build();
        Assert.IsType<CommandLineResources>(CommandLineResources.Current);

        var package = new ResourceManager("System.CommandLine.Properties.Resources", typeof(RootCommand).Assembly);
        foreach (var name in new[] { "HelpOptionDescription", "VersionOptionDescription", "UnrecognizedCommandOrArgument" })
        {
            var expected = package.GetString(name, CultureInfo.InvariantCulture);
            Assert.False(string.IsNullOrEmpty(expected));
            Assert.Equal(expected, CommandLineResources.Current!.GetString(name, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Parse_errors_keep_System_CommandLines_messages()
    {
        var parse = VcSyncCommandLine.Build().Parse(["nosuch"]);

        Assert.Contains("Unrecognized command or argument 'nosuch'.", parse.Errors.Select(e => e.Message));
    }

    private static void Collect(Command command, List<Command> commands)
    {
        commands.Add(command);
        foreach (var subcommand in command.Subcommands)
        {
            Collect(subcommand, commands);
        }
    }

    /// <summary>The command's help as System.CommandLine's own help action writes it.</summary>
    private static string BuilderHelp(RootCommand root, Command command, int width)
    {
        var path = new List<string> { "--help" };
        for (var each = command; each != root; each = (Command)each.Parents.Single())
        {
            path.Insert(0, each.Name);
        }

        var help = root.Options.OfType<HelpOption>().Single();
        var ours = help.Action!;
        help.Action = new HelpAction { MaxWidth = width };
        try
        {
            using var output = new StringWriter();
            var parse = root.Parse(path);
            Assert.Same(command, parse.CommandResult.Command);
            Assert.Equal(0, parse.Invoke(new InvocationConfiguration { Output = output }));
            return output.ToString();
        }
        finally
        {
            help.Action = ours;
        }
    }
}
