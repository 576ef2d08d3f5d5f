namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>A validation failure with field errors, shaped like FluentValidation's <c>ValidationException</c>.</summary>
public sealed class FieldValidationException(IDictionary<string, string[]> errors) : Exception("SENTINEL-VALIDATION-MESSAGE")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
