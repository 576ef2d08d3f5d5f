using ErrorHandling.AspNetCore;

namespace ErrorHandling.Snippets;

/// <summary>The C# blocks of <c>docs/configuration.md</c>.</summary>
public static class ConfigurationSnippets
{
    /// <summary>Options in code, after the configuration section is bound.</summary>
    public static void OptionsInCode(WebApplicationBuilder builder)
    {
        // <options-in-code>
        builder.Services.AddGlobalErrorHandler(options =>
        {
            options.ExceptionDetails = ExceptionDetailsPolicy.Never;
            options.ErrorStormWindow = TimeSpan.FromSeconds(10);
            options.RedactedHeaders.Add("X-Tenant-Key");
        });
        // </options-in-code>
    }

    /// <summary>A default list replaced in code.</summary>
    public static void ReplaceDefaults(WebApplicationBuilder builder)
    {
        // <replace-defaults>
        builder.Services.AddGlobalErrorHandler(options =>
        {
            options.RedactedQueryParameters.Clear();
            options.RedactedQueryParameters.Add("password");
            options.RedactedQueryParameters.Add("token");
        });
        // </replace-defaults>
    }
}
