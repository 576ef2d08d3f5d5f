using FluentValidation;

namespace ErrorHandling.Sample.Shaping;

/// <summary>A FluentValidation validator; its <c>ValidationException</c> becomes a 400 validation problem.</summary>
public sealed class CustomerValidator : AbstractValidator<Customer>
{
    public CustomerValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress();
        RuleFor(c => c.Age).InclusiveBetween(18, 130);
    }
}
