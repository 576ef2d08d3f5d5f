using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Orders.NSwagClient;
// The Web SDK's implicit usings bring ASP.NET Core's own HttpValidationProblemDetails; a client app has only the client's.
using HttpValidationProblemDetails = Orders.NSwagClient.HttpValidationProblemDetails;

namespace ErrorHandling.Snippets;

/// <summary>
/// The C# blocks of the section "OpenAPI and generated clients" of docs/openapi.md, written against the clients that
/// NSwag and Kiota generated from the sample's document (<c>Clients/</c>). A file of its own: both clients name their
/// problem types <c>ProblemDetails</c>, as ASP.NET Core's MVC namespace does, which <see cref="OpenApiSnippets"/> uses.
/// </summary>
public static class OpenApiClientsSnippets
{
    /// <summary>The NSwag client: every problem is an <c>ApiException&lt;T&gt;</c> of the problem type.</summary>
    public static async Task CatchWithNSwag(HttpClient httpClient)
    {
        // <nswag-client>
        var customers = new CustomersClient(httpClient);   // BaseUrl: the document's server, http://localhost:5080/
        try
        {
            var greeting = await customers.ValidateAsync(email: "not-an-address", age: 200);
        }
        catch (ApiException<HttpValidationProblemDetails> e)
        {
            // A validation mapping's status: the errors of each field.
            foreach (var (field, messages) in e.Result.Errors)
            {
                Console.WriteLine($"{field}: {string.Join(", ", messages)}");
            }
        }
        catch (ApiException<ProblemDetails> e)
        {
            // Every other problem: a mapped status, 500, or a status decided at run time (the default response).
            Console.WriteLine($"{e.StatusCode} {e.Result.Title} (code {e.Result.Code}, trace {e.Result.TraceId})");
        }
        // </nswag-client>
    }

    /// <summary>The Kiota client: the problem schemas are its error types, their message the problem's title.</summary>
    public static async Task CatchWithKiota()
    {
        // <kiota-client>
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider());
        var client = new Orders.KiotaClient.OrdersClient(adapter);   // BaseUrl: the document's server
        try
        {
            var text = await client.Orders.Missing.GetAsync();
        }
        catch (Orders.KiotaClient.Models.ProblemDetails e)
        {
            Console.WriteLine($"{e.ResponseStatusCode} {e.Message} (code {e.Code}, trace {e.TraceId})"); // Message is the title
        }
        // </kiota-client>
    }

    /// <summary>A Kiota client that does not retry, so a 429, 503 or 504 arrives as the typed problem at once.</summary>
    public static HttpClientRequestAdapter KiotaWithoutRetries()
    {
        // <kiota-no-retries>
        var httpClient = KiotaClientFactory.Create(KiotaClientFactory.CreateDefaultHandlers([new RetryHandlerOption { MaxRetry = 0 }]));
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: httpClient);
        // </kiota-no-retries>
        return adapter;
    }
}
