using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag.CodeGeneration.CSharp;

namespace ErrorHandling.AspNetCore.ClientTests.Infrastructure;

/// <summary>
/// A C# client that NSwag generates from an OpenAPI document, with NSwag's default settings but for the names,
/// compiled in memory against the assemblies the test runs with.
/// </summary>
public sealed class GeneratedClient
{
    private const string Namespace = "ErrorHandling.Generated";
    private const string ClassName = "SampleClient";

    private GeneratedClient(string code, Assembly assembly)
    {
        Code = code;
        Assembly = assembly;
    }

    /// <summary>The generated C# code.</summary>
    public string Code { get; }

    /// <summary>The compiled client.</summary>
    public Assembly Assembly { get; }

    /// <summary>Generates the client of <paramref name="documentJson"/> and compiles it; fails on any compile error.</summary>
    public static async Task<GeneratedClient> CreateAsync(string documentJson)
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(documentJson);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = ClassName,
            OperationNameGenerator = new PathOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = Namespace;
        var code = new CSharpClientGenerator(document, settings).GenerateFile();

        var compilation = CSharpCompilation.Create(
            $"{Namespace}.{Guid.NewGuid():N}",
            [CSharpSyntaxTree.ParseText(code)],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
        Assert.True(result.Success, string.Join(Environment.NewLine, errors));

        image.Position = 0;
        return new GeneratedClient(code, AssemblyLoadContext.Default.LoadFromStream(image));
    }

    /// <summary>A client instance that sends its requests through <paramref name="httpClient"/>.</summary>
    public object CreateInstance(HttpClient httpClient)
    {
        var type = Assembly.GetType($"{Namespace}.{ClassName}", throwOnError: true)!;
        var constructor = type.GetConstructors().Single();
        object[] arguments = constructor.GetParameters().Length == 2
            ? [httpClient.BaseAddress!.ToString(), httpClient]
            : [httpClient];
        return constructor.Invoke(arguments);
    }

    // Every assembly of the test's runtime and output: the framework, System.Text.Json, Newtonsoft.Json.
    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => MetadataReference.CreateFromFile(path));
}
