namespace ConcurrencyLab.Rendering;

/// <summary>
/// Convention-based twin of .NET Interactive's attribute: the Formatting package matches it by type
/// name, so displayable types render in Polyglot Notebooks and in our engine without this library
/// referencing any notebook package. Internal on purpose: a public copy could clash with the real
/// one in a kernel that has both loaded.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>Points at the type whose <c>CreateTypeFormatters()</c> supplies the formatters.</summary>
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    /// <summary>The formatter source type.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>MIME types in the order a front end should prefer them.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
