using System.Diagnostics;
using System.Reflection;

namespace ConcurrencyLab.Measurement;

/// <summary>Tells whether a delegate's code was compiled with the JIT optimiser on.</summary>
internal static class CompilationCheck
{
    /// <summary>
    /// <c>false</c> when the method's assembly carries <see cref="DebuggableAttribute"/> with
    /// <see cref="DebuggableAttribute.IsJITOptimizerDisabled"/> (a Debug build, or a notebook submission
    /// compiled unoptimised); <c>true</c> otherwise; <c>null</c> when the assembly cannot be inspected.
    /// </summary>
    public static bool? IsOptimized(MethodInfo method)
    {
        try
        {
            var attribute = method.Module.Assembly.GetCustomAttribute<DebuggableAttribute>();
            return attribute is null || !attribute.IsJITOptimizerDisabled;
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or TypeLoadException)
        {
            return null;
        }
    }
}
