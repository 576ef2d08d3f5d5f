namespace ErrorHandling.Sample.Errors;

/// <summary>Passed through the global error handler to <see cref="MaintenanceModeMiddleware"/>, which owns it.</summary>
public sealed class MaintenanceModeException() : Exception("The service is in maintenance mode.");
