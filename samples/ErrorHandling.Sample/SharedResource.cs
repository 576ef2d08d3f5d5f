namespace ErrorHandling.Sample;

/// <summary>
/// The resource type of the sample's translations: <c>Resources/SharedResource.de.resx</c> holds the German texts of
/// the problems the sample writes, keyed by their English text.
/// </summary>
internal sealed class SharedResource;
