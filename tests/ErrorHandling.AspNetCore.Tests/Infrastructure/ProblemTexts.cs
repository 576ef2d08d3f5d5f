namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The resource type of the localization tests: <c>ProblemTexts.de.resx</c> beside it holds German texts for the
/// handler's texts, and for texts the app authors or exceptions carry, which must never be looked up.
/// </summary>
public sealed class ProblemTexts;
