using System.Diagnostics.CodeAnalysis;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Resolves the exception type names of <see cref="GlobalErrorHandlerOptions.StatusCodes"/> against the
/// assemblies loaded in the process.
/// </summary>
internal static class ExceptionTypeResolver
{
    [UnconditionalSuppressMessage(
        "Trimming",
        "IL2026:RequiresUnreferencedCode",
        Justification = "A type the trimmer removed cannot be thrown, so reporting its name as unresolved is correct; apps that need certainty under trimming map types in code with Map<TException>().")]
    public static bool TryResolve(string typeName, [NotNullWhen(true)] out Type? exceptionType)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            Type? candidate;
            try
            {
                candidate = assembly.GetType(typeName, throwOnError: false, ignoreCase: false);
            }
            catch (Exception exception) when (exception is ArgumentException or FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                continue;
            }

            if (candidate is not null && typeof(Exception).IsAssignableFrom(candidate))
            {
                exceptionType = candidate;
                return true;
            }
        }

        exceptionType = null;
        return false;
    }
}
