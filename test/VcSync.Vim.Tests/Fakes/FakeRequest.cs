using System.Xml.Linq;

namespace VcSync.Vim.Tests.Fakes;

/// <summary>A request the fake server received.</summary>
internal sealed class FakeRequest
{
    public FakeRequest(string body, HttpRequestMessage message)
    {
        Body = body;
        Document = XDocument.Parse(body);
        var bodyElement = Document.Root!.Elements().First(e => e.Name.LocalName == "Body");
        Call = bodyElement.Elements().First();
        Method = Call.Name.LocalName;
        SoapAction = message.Headers.TryGetValues("SOAPAction", out var action) ? action.Single() : null;
        Cookie = message.Headers.TryGetValues("Cookie", out var cookie) ? string.Join(";", cookie) : null;
        AcceptsGzip = message.Headers.AcceptEncoding.Any(e => e.Value == "gzip");
    }

    public string Body { get; }

    public XDocument Document { get; }

    public XElement Call { get; }

    public string Method { get; }

    public string? SoapAction { get; }

    public string? Cookie { get; }

    public bool AcceptsGzip { get; }

    /// <summary>The text of the first argument element with that name.</summary>
    public string? Arg(string name) => Call.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
