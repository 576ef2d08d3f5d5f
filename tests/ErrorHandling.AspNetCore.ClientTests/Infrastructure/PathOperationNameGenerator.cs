using System.Text;
using NSwag;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace ErrorHandling.AspNetCore.ClientTests.Infrastructure;

/// <summary>
/// Names each operation of one client after its path and method (<c>GET /api/orders/{id}</c> is
/// <c>ApiOrdersIdGetAsync</c>), so that a test finds the method of any operation of the document: the sample's
/// operations have no <c>operationId</c>. The method comes last because NSwag drops a name's <c>Async</c> ending,
/// which <c>/throw/async</c> would otherwise have.
/// </summary>
public sealed class PathOperationNameGenerator : IOperationNameGenerator
{
    public bool SupportsMultipleClients => false;

    public string GetClientName(OpenApiDocument document, string path, string httpMethod, OpenApiOperation operation) => string.Empty;

    public string GetOperationName(OpenApiDocument document, string path, string httpMethod, OpenApiOperation operation) =>
        NameOf(httpMethod, path);

    /// <summary>The operation's name: each word of the path, then the method, each starting with a capital.</summary>
    public static string NameOf(string httpMethod, string path)
    {
        var name = new StringBuilder();
        foreach (var word in $"{path}/{httpMethod}".Split(['/', '{', '}', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            name.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return name.ToString();
    }
}
