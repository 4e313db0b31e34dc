using System.Text;

namespace VcSync.Cli.CommandLine;

/// <summary>The layout of <see cref="HelpText"/>: System.CommandLine 2.0's headings, two columns and wrapping.</summary>
internal static class HelpLayout
{
    private const string Indent = "  ";

    /// <summary>A heading, then the description under it, indented and wrapped.</summary>
    public static void WriteHeading(StringBuilder text, string heading, string? description, int maxWidth)
    {
        text.AppendLine(heading);
        if (!string.IsNullOrWhiteSpace(description))
        {
            foreach (var line in Wrap(description, maxWidth - Indent.Length))
            {
                text.Append(Indent).AppendLine(line);
            }
        }
    }

    /// <summary>Two columns, indented; each wrapped to its width when both do not fit.</summary>
    public static void WriteColumns(StringBuilder text, List<(string First, string Second)> rows, int maxWidth)
    {
        var firstWidth = 0;
        var secondWidth = 0;
        foreach (var (first, second) in rows)
        {
            firstWidth = Math.Max(firstWidth, first.Length);
            secondWidth = Math.Max(secondWidth, second.Length);
        }

        if ((long)firstWidth + secondWidth + (2 * Indent.Length) > maxWidth)
        {
            var firstMaxWidth = (maxWidth / 2) - Indent.Length;
            if (firstWidth > firstMaxWidth)
            {
                firstWidth = 0;
                foreach (var (first, _) in rows)
                {
                    foreach (var part in Wrap(first, firstMaxWidth))
                    {
                        firstWidth = Math.Max(firstWidth, part.Length);
                    }
                }
            }

            secondWidth = maxWidth - firstWidth - (2 * Indent.Length);
        }

        foreach (var (first, second) in rows)
        {
            var firstParts = Wrap(first, firstWidth);
            var secondParts = Wrap(second, secondWidth);
            for (var i = 0; i < Math.Max(firstParts.Count, secondParts.Count); i++)
            {
                var left = i < firstParts.Count ? firstParts[i] : "";
                var right = i < secondParts.Count ? secondParts[i] : "";
                text.Append(Indent).Append(left);
                if (!string.IsNullOrWhiteSpace(right))
                {
                    text.Append(' ', Math.Max(0, firstWidth - left.Length)).Append(Indent).Append(right);
                }

                text.AppendLine();
            }
        }
    }

    /// <summary>Lines of at most <paramref name="maxWidth"/>, broken after the last white space that fits (kept at the line's end).</summary>
    private static List<string> Wrap(string text, int maxWidth)
    {
        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return lines;
        }

        // The builder loops forever below 1 (a terminal a few columns wide); one column per line instead.
        maxWidth = Math.Max(1, maxWidth);

        foreach (var part in text.Split(["\r\n", "\n"], StringSplitOptions.None))
        {
            if (part.Length <= maxWidth)
            {
                lines.Add(part);
                continue;
            }

            for (var i = 0; i < part.Length;)
            {
                if (part.Length - i < maxWidth)
                {
                    lines.Add(part[i..]);
                    break;
                }

                var length = -1;
                for (var j = 0; i + j < part.Length && j < maxWidth; j++)
                {
                    if (char.IsWhiteSpace(part[i + j]))
                    {
                        length = j + 1;
                    }
                }

                length = length == -1 ? maxWidth : length;
                lines.Add(part.Substring(i, length));
                i += length;
            }
        }

        return lines;
    }
}
