namespace VcSync.Vim.Values;

/// <summary>
/// A simple value whose text is not valid for its <c>xsi:type</c>: an <c>xsd:long</c> beyond 64 bits, an
/// <c>xsd:int</c> with letters, an <c>xsd:boolean</c> of <c>maybe</c>. The document itself is well-formed, so the
/// value is kept as its text rather than failing the whole response; a reader expecting a number or a flag finds
/// neither and can report it.
/// </summary>
/// <param name="XsdType">The type it was declared as, e.g. <c>long</c>.</param>
/// <param name="Text">The text as it arrived.</param>
public sealed record UnparsedValue(string XsdType, string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
