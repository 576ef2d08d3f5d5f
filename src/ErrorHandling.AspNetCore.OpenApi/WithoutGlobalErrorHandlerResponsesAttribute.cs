namespace ErrorHandling.AspNetCore.OpenApi;

/// <summary>
/// Leaves the responses of the global error handler out of the OpenAPI operation of an endpoint, an MVC action or
/// every action of a controller: <c>AddGlobalErrorHandlerResponses()</c> then declares none of its statuses there,
/// and the operation keeps only the responses it declares itself. For minimal API endpoints and route groups,
/// <c>WithoutGlobalErrorHandlerResponses()</c> adds this attribute as endpoint metadata.
/// </summary>
/// <remarks>
/// Only the document changes: the handler still answers every exception of the endpoint.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class WithoutGlobalErrorHandlerResponsesAttribute : Attribute;
