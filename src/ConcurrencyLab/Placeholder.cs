namespace ConcurrencyLab; /// <summary>Placeholder.</summary>
internal static class Placeholder { }
