namespace ErrorHandling.Sample.Shaping;

/// <summary>What the FluentValidation example validates.</summary>
public sealed record Customer(string? Email, int Age);
