using System.Collections;
using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.Text;

namespace VcSync.Cli.CommandLine;

/// <summary>
/// A command's help, character for character what System.CommandLine 2.0's <c>HelpBuilder</c> writes (its sections,
/// columns, default values and wrapping; the tests compare the two for every command at several widths), built into one
/// string without LINQ. The builder's first run in the native executable was an eighth of <c>vcsync --help</c>'s
/// profile: generic virtual methods resolved at run time by its LINQ chains, its per-line console writes.
/// </summary>
internal static class HelpText
{
    /// <summary>The help of <paramref name="command"/>.</summary>
    /// <param name="command">The command.</param>
    /// <param name="maxWidth">The width to wrap at; zero or less for no wrapping.</param>
    public static string Of(Command command, int maxWidth)
    {
        if (maxWidth <= 0)
        {
            maxWidth = int.MaxValue;
        }

        var text = new StringBuilder(4096);
        if (command.Hidden)
        {
            return "";
        }

        HelpLayout.WriteHeading(text, "Description:", command.Description, maxWidth);
        text.AppendLine();
        HelpLayout.WriteHeading(text, "Usage:", Usage(command), maxWidth);
        text.AppendLine();
        WriteSection(text, "Arguments:", ArgumentRows(command), maxWidth);
        WriteSection(text, "Options:", OptionRows(command), maxWidth);

        var subcommands = new List<(string, string)>();
        foreach (var subcommand in command.Subcommands)
        {
            if (!subcommand.Hidden)
            {
                subcommands.Add(Row(subcommand, subcommand.Description, subcommand.Aliases));
            }
        }

        WriteSection(text, "Commands:", subcommands, maxWidth);
        if (!command.TreatUnmatchedTokensAsErrors)
        {
            HelpLayout.WriteHeading(text, "Additional Arguments:", "Arguments passed to the application that is being run.", maxWidth);
            text.AppendLine();
        }

        return text.ToString();
    }

    private static void WriteSection(StringBuilder text, string heading, List<(string First, string Second)> rows, int maxWidth)
    {
        if (rows.Count > 0)
        {
            HelpLayout.WriteHeading(text, heading, null, maxWidth);
            HelpLayout.WriteColumns(text, rows, maxWidth);
            text.AppendLine();
        }
    }

    private static string Usage(Command command)
    {
        var chain = Chain(command);
        var parts = new List<string>();
        var optionsTitle = false;
        foreach (var each in chain)
        {
            if (!optionsTitle)
            {
                foreach (var option in each.Options)
                {
                    optionsTitle |= option is { Recursive: true, Hidden: false };
                }
            }

            parts.Add(each.Name);
            if (each.Arguments.Count > 0)
            {
                parts.Add(ArgumentsUsage(each.Arguments));
            }
        }

        foreach (var subcommand in command.Subcommands)
        {
            if (!subcommand.Hidden)
            {
                parts.Add("[command]");
                break;
            }
        }

        foreach (var option in command.Options)
        {
            optionsTitle |= !option.Hidden;
        }

        if (optionsTitle)
        {
            parts.Add("[options]");
        }

        if (!command.TreatUnmatchedTokensAsErrors)
        {
            parts.Add("[[--] <additional arguments>...]]");
        }

        parts.RemoveAll(string.IsNullOrWhiteSpace);
        return string.Join(' ', parts);
    }

    private static string ArgumentsUsage(IList<Argument> arguments)
    {
        var usage = new StringBuilder();
        var closing = 0;
        foreach (var argument in arguments)
        {
            if (argument.Hidden)
            {
                continue;
            }

            var optional = argument.Arity.MinimumNumberOfValues == 0;
            usage.Append(optional ? "[<" : "<").Append(argument.Name).Append('>');
            if (argument.Arity.MaximumNumberOfValues > 1)
            {
                usage.Append("...");
            }

            usage.Append(' ');
            closing += optional ? 1 : 0;
        }

        if (usage.Length > 0)
        {
            usage.Length--;
            usage.Append(']', closing);
        }

        return usage.ToString();
    }

    private static List<(string, string)> ArgumentRows(Command command)
    {
        var rows = new List<(string, string)>();
        foreach (var each in Chain(command))
        {
            foreach (var argument in each.Arguments)
            {
                if (argument.Hidden)
                {
                    continue;
                }

                var defaultValue = DefaultValueText(argument);
                var row = (UsageLabel(argument) ?? $"<{argument.Name}>",
                    $"{argument.Description} {(defaultValue.Length > 0 ? $"[default: {defaultValue}]" : "")}".Trim());
                if (!rows.Contains(row))
                {
                    rows.Add(row);
                }
            }
        }

        return rows;
    }

    private static List<(string, string)> OptionRows(Command command)
    {
        var rows = new List<(string, string)>();
        var helpAdded = false;
        // The command's own options, help and version last.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var option in command.Options)
            {
                if (!option.Hidden && (option is HelpOption or VersionOption) == (pass == 1))
                {
                    helpAdded |= option is HelpOption;
                    rows.Add(Row(option));
                }
            }
        }

        // Then the recursive ones of each command above it, nearest first.
        for (var parent = Parent(command); parent is not null; parent = Parent(parent))
        {
            foreach (var option in parent.Options)
            {
                if (option is { Recursive: true, Hidden: false } && (option is not HelpOption || !helpAdded))
                {
                    rows.Add(Row(option));
                }
            }
        }

        return rows;
    }

    private static (string, string) Row(Option option)
    {
        var (first, second) = Row(option, option.Description, option.Aliases);
        return (option.Required ? $"{first} (REQUIRED)" : first, second);
    }

    /// <summary>An option's or a command's row: its names and parameters, then its description and default values.</summary>
    private static (string, string) Row(Symbol symbol, string? description, ICollection<string> aliases)
    {
        var first = new StringBuilder(Names(symbol.Name, aliases));
        var defaults = new List<(Symbol Parameter, string Value)>();
        foreach (var parameter in Parameters(symbol))
        {
            if (parameter.Hidden)
            {
                continue;
            }

            var label = parameter is Argument argument ? UsageLabel(argument) ?? $"<{argument.Name}>" : UsageLabel((Option)parameter) ?? "";
            if (!string.IsNullOrWhiteSpace(label))
            {
                first.Append(' ').Append(label);
            }

            if (ShowsDefaultValue(parameter))
            {
                defaults.Add((parameter, DefaultValueText(parameter)));
            }
        }

        // As the builder joins them: an empty one still gets its comma.
        var values = new List<string>(defaults.Count);
        foreach (var (parameter, value) in defaults)
        {
            values.Add(value.Length == 0 ? "" : $"{(defaults.Count == 1 ? "default" : parameter.Name)}: {value}");
        }

        var joined = string.Join(", ", values);
        return (first.ToString(), $"{description} {(joined.Length > 0 ? $"[{joined}]" : "")}".Trim());
    }

    private static IEnumerable<Symbol> Parameters(Symbol symbol) => symbol is Command command ? command.Arguments : [symbol];

    /// <summary>The name and aliases, by prefix then name, one per name: <c>-?, -h, --help</c>.</summary>
    private static string Names(string name, ICollection<string> aliases)
    {
        var names = new List<(string Prefix, string Name)>(aliases.Count + 1) { SplitPrefix(name) };
        foreach (var alias in aliases)
        {
            names.Add(SplitPrefix(alias));
        }

        // Stable, like the builder's OrderBy/ThenBy: an insertion sort (a handful of names).
        for (var i = 1; i < names.Count; i++)
        {
            var current = names[i];
            var j = i - 1;
            for (; j >= 0 && Compare(names[j], current) > 0; j--)
            {
                names[j + 1] = names[j];
            }

            names[j + 1] = current;
        }

        var label = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (prefix, alias) in names)
        {
            if (seen.Add(alias))
            {
                label.Append(label.Length > 0 ? ", " : "").Append(prefix).Append(alias);
            }
        }

        return label.ToString();

        static int Compare((string Prefix, string Name) x, (string Prefix, string Name) y) =>
            string.Compare(x.Prefix, y.Prefix, StringComparison.OrdinalIgnoreCase) is var byPrefix and not 0
                ? byPrefix
                : string.Compare(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);
    }

    private static (string Prefix, string Name) SplitPrefix(string name) => name switch
    {
        ['/', ..] => ("/", name[1..]),
        ['-', '-', ..] => ("--", name[2..]),
        ['-', ..] => ("-", name[1..]),
        _ => ("", name),
    };

    private static string? UsageLabel(Argument argument) =>
        UsageLabel(argument, argument.HelpName, argument.ValueType, argument.Arity, argument.CompletionSources.Count);

    private static string? UsageLabel(Option option) =>
        UsageLabel(option, option.HelpName, option.ValueType, option.Arity, option.CompletionSources.Count);

    private static string? UsageLabel(Symbol symbol, string? helpName, Type valueType, ArgumentArity arity, int completionSources)
    {
        if (!string.IsNullOrWhiteSpace(helpName))
        {
            return $"<{helpName}>";
        }

        if (valueType == typeof(bool) || valueType == typeof(bool?) || arity.MaximumNumberOfValues <= 0)
        {
            return null;
        }

        if (completionSources <= 0)
        {
            return symbol is Option ? $"<{symbol.Name.TrimStart('-', '/')}>" : null;
        }

        var completions = new StringBuilder();
        foreach (var completion in symbol.GetCompletions(CompletionContext.Empty))
        {
            completions.Append(completions.Length > 0 ? "|" : "").Append(completion.Label);
        }

        return completions.Length > 0 ? $"<{completions}>" : null;
    }

    private static bool ShowsDefaultValue(Symbol symbol) => symbol switch
    {
        Option option => option.HasDefaultValue && option.ValueType != typeof(bool) && option.ValueType != typeof(bool?),
        Argument argument => argument.HasDefaultValue && argument.ValueType != typeof(bool) && argument.ValueType != typeof(bool?),
        _ => false,
    };

    /// <summary>The default value as help shows it; empty when it shows none.</summary>
    private static string DefaultValueText(Symbol symbol)
    {
        if (!ShowsDefaultValue(symbol))
        {
            return "";
        }

        var value = symbol is Option option ? option.GetDefaultValue() : ((Argument)symbol).GetDefaultValue();
        var text = value switch
        {
            null => "",
            string s => s,
            IEnumerable items => string.Join('|', Items(items)),
            _ => value.ToString() ?? "",
        };
        return string.IsNullOrWhiteSpace(text) ? "" : text;

        static IEnumerable<object?> Items(IEnumerable items)
        {
            foreach (var item in items)
            {
                yield return item;
            }
        }
    }

    private static List<Command> Chain(Command command)
    {
        var chain = new List<Command>();
        for (Command? each = command; each is not null; each = Parent(each))
        {
            chain.Insert(0, each);
        }

        return chain;
    }

    private static Command? Parent(Command command)
    {
        foreach (var parent in command.Parents)
        {
            if (parent is Command parentCommand)
            {
                return parentCommand;
            }
        }

        return null;
    }
}
