using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace VcSync.Server.Dashboard;

/// <summary>
/// Builds a page. Everything that comes from the database goes through <see cref="Text"/> or <see cref="Attr"/> and is
/// HTML-encoded, so a hostile name shows as the characters it is; <see cref="Raw"/> takes only markup written here.
/// </summary>
internal sealed class Html
{
    private readonly StringBuilder _builder = new(8192);

    /// <summary>Markup written in this assembly, never data.</summary>
    public Html Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    /// <summary>Text, encoded.</summary>
    public Html Text(string? text)
    {
        if (text is not null)
        {
            _builder.Append(HtmlEncoder.Default.Encode(text));
        }

        return this;
    }

    /// <summary>A number with thousands separators.</summary>
    public Html Number(long value) => Raw(value.ToString("N0", CultureInfo.InvariantCulture));

    /// <summary><c> name="value"</c>, the value encoded.</summary>
    public Html Attr(string name, string? value)
    {
        _builder.Append(' ').Append(name).Append("=\"").Append(HtmlEncoder.Default.Encode(value ?? string.Empty)).Append('"');
        return this;
    }

    /// <summary>An element holding encoded text, with an optional class.</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        _builder.Append('<').Append(tag);
        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }

        _builder.Append('>');
        Text(text);
        _builder.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A link: the href and the text encoded.</summary>
    public Html Link(string href, string? text, string? cssClass = null)
    {
        _builder.Append("<a");
        Attr("href", href);
        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }

        _builder.Append('>');
        Text(text);
        _builder.Append("</a>");
        return this;
    }

    public override string ToString() => _builder.ToString();
}
