using System.Text;
using Microsoft.AspNetCore.Http;

namespace ErrorHandling.AspNetCore.Benchmarks;

/// <summary>
/// The least any error handler can do: catch, then write a fixed 200-byte JSON body with a known
/// length. No logging, no rendering, no header reset.
/// </summary>
public static class LowerBoundMiddleware
{
    private static readonly byte[] Body = CreateBody();

    public static RequestDelegate Create(RequestDelegate next) => context =>
    {
        try
        {
            var task = next(context);
            if (task.IsCompletedSuccessfully)
            {
                return Task.CompletedTask;
            }
        }
        catch (Exception)
        {
            var response = context.Response;
            response.StatusCode = StatusCodes.Status500InternalServerError;
            response.ContentType = "application/problem+json";
            response.ContentLength = Body.Length;
            return response.Body.WriteAsync(Body).AsTask();
        }

        throw new NotSupportedException("The benchmark endpoints complete synchronously.");
    };

    private static byte[] CreateBody()
    {
        const string Json = "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.6.1\",\"title\":\"An error occurred while processing your request.\",\"status\":500,\"detail\":\"An unexpected error occurred.\",\"pad\":\"";
        var padding = new string('x', 200 - Json.Length - 2);
        return Encoding.UTF8.GetBytes(Json + padding + "\"}");
    }
}
