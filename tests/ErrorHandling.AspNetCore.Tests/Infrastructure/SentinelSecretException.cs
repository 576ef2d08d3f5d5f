namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>An exception type whose name is a sentinel: it must never appear in a Production body.</summary>
public sealed class SentinelSecretException(string message, Exception? inner = null) : Exception(message, inner);
