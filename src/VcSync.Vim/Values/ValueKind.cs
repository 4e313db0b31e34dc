namespace VcSync.Vim.Values;

/// <summary>How a value element is decoded.</summary>
internal enum ValueKind
{
    Infer,
    String,
    Int,
    Long,
    Short,
    Byte,
    Boolean,
    Double,
    Float,
    DateTime,
    Base64,
    ManagedObjectReference,
    Array,
    Complex,
}
