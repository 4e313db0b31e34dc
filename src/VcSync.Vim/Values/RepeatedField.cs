namespace VcSync.Vim.Values;

/// <summary>The values of a data object field that occurs more than once (or is declared as an array).</summary>
internal sealed class RepeatedField : List<object?>
{
}
