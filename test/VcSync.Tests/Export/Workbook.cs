using System.Text.Json;

namespace VcSync.Tests.Export;

/// <summary>What <see cref="SpreadsheetReader"/> read: sheets (or files) in order, each its rows with the header first.</summary>
public sealed class Workbook : IDisposable
{
    private readonly JsonDocument _document;

    public Workbook(JsonDocument document)
    {
        _document = document;
    }

    public IReadOnlyList<string> SheetNames => [.. _document.RootElement.EnumerateObject().Select(p => p.Name)];

    public Sheet this[string name] => new(_document.RootElement.GetProperty(name));

    public void Dispose() => _document.Dispose();
}
