namespace ErrorHandling.Sample.Errors;

/// <summary>The body <see cref="PaymentDeclinedExceptionHandler"/> writes.</summary>
public sealed record PaymentDeclinedResponse(string Reason, string Advice);
