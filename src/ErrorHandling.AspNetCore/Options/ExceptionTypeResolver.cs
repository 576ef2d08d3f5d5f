using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Resolves the exception type names of <see cref="GlobalErrorHandlerOptions.StatusCodes"/> against the
/// assemblies loaded in the process. A name is looked up once: the validator and the classifier both ask.
/// </summary>
internal static class ExceptionTypeResolver
{
    // Only names that resolved are kept: an assembly loaded later may still hold a name that did not. A type of a
    // collectible assembly is not kept either: the cache would hold its assembly loaded for the life of the process.
    private static readonly ConcurrentDictionary<string, Type> Resolved = new(StringComparer.Ordinal);

    public static bool TryResolve(string typeName, [NotNullWhen(true)] out Type? exceptionType)
    {
        if (!Resolved.TryGetValue(typeName, out exceptionType) && Resolve(typeName) is { } type)
        {
            exceptionType = type.IsCollectible ? type : Resolved.GetOrAdd(typeName, type);
        }

        return exceptionType is not null;
    }

    [UnconditionalSuppressMessage(
        "Trimming",
        "IL2026:RequiresUnreferencedCode",
        Justification = "A type the trimmer removed cannot be thrown, so reporting its name as unresolved is correct; apps that need certainty under trimming map types in code with Map<TException>().")]
    private static Type? Resolve(string typeName)
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
                return candidate;
            }
        }

        return null;
    }
}
