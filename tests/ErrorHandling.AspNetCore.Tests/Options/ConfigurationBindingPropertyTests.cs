using System.Globalization;
using CsCheck;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore.Tests.Options;

/// <summary>
/// Differential test: random configurations bound by the handler's own set-up and by the framework's
/// reflection-based <see cref="ConfigurationBinder"/> into the same options either both fail or agree on
/// every value.
/// </summary>
public sealed class ConfigurationBindingPropertyTests
{
    private const string Section = "GlobalErrorHandler";

    private static readonly Gen<(string Key, string? Value)[]> ListShapes =
        Gen.Select(
            Pick("PreservedResponseHeaders", "redactedheaders", "RedactedQueryParameters"),
            Gen.Bool,
            Pick("X-A", "", "*", "X-B*", "tenant").Array[0, 3],
            (name, sectionValue, items) =>
            {
                var entries = new List<(string, string?)>();
                if (sectionValue || items.Length == 0)
                {
                    entries.Add((name, string.Empty));
                }

                entries.AddRange(items.Select((item, i) => ((string)$"{name}:{i}", (string?)item)));
                return entries.ToArray();
            });

    private static readonly Gen<(string Key, string? Value)[]> ScalarShapes =
        Gen.OneOf(
            Pick("Always", "never", "DevelopmentOnly", "1", "7", "Sometimes", "", "Always, Never").Select(v => Entry("ExceptionDetails", v)),
            Pick("Configured.", "", " ").Select(v => Entry("GenericDetail", v)),
            Gen.Select(
                Pick("LogRequestHeaders", "htmlErrorPages", "LogFailedRequests", "WriteProblemDetailsForEmptyResponses", "LogExceptionsHandledByExceptionHandlers"),
                Pick("true", "False", "yes", "", "1"),
                Entry),
            Pick("00:00:10", "", "soon", "1.00:00:00", "-00:00:01").Select(v => Entry("ErrorStormWindow", v)),
            Gen.Select(
                Pick("System.TimeoutException", "MyApp.Missing", "system.timeoutexception"),
                Pick("504", "abc", "", "404", "700", " 42"),
                (type, status) => Entry($"StatusCodes:{type}", status)),
            Gen.Const(Entry("StatusCodes", string.Empty)),
            Gen.Const(Entry("ExceptionDetail", "Always")));

    private static readonly Gen<Dictionary<string, string?>> Configurations =
        Gen.OneOf(ListShapes, ScalarShapes).Array[0, 6].Select(groups =>
        {
            var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in groups.SelectMany(g => g))
            {
                configuration[$"{Section}:{key}"] = value;
            }

            return configuration;
        });

    [Fact]
    public void RandomConfiguration_BoundByTheHandlerAndByConfigurationBinder_Agree()
    {
        Configurations.Sample(configuration =>
        {
            var root = new ConfigurationBuilder().AddInMemoryCollection(configuration).Build();

            var ours = Bind(() =>
            {
                var options = new GlobalErrorHandlerOptions();
                new GlobalErrorHandlerOptionsSetup(root).Configure(options);
                return options;
            });
            var framework = Bind(() =>
            {
                var options = new GlobalErrorHandlerOptions();
                root.GetSection(Section).Bind(options, static binder => binder.ErrorOnUnknownConfiguration = true);
                return options;
            });

            Assert.True(
                ours == framework,
                $"Configuration {string.Join("; ", configuration.Select(e => $"{e.Key}={e.Value}"))}\nours:      {ours}\nframework: {framework}");
        }, iter: 2_000);
    }

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static (string Key, string? Value)[] Entry(string key, string? value) => [(key, value)];

    private static string Bind(Func<GlobalErrorHandlerOptions> bind)
    {
        GlobalErrorHandlerOptions options;
        try
        {
            options = bind();
        }
        catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException)
        {
            return "fails";
        }

        return string.Join(
            " | ",
            options.ExceptionDetails.ToString(),
            options.GenericDetail,
            string.Join(",", options.PreservedResponseHeaders),
            string.Join(",", options.RedactedHeaders),
            string.Join(",", options.RedactedQueryParameters),
            string.Join(",", options.StatusCodes.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}")),
            options.LogRequestHeaders,
            options.HtmlErrorPages,
            options.LogFailedRequests,
            options.WriteProblemDetailsForEmptyResponses,
            options.LogExceptionsHandledByExceptionHandlers,
            options.ErrorStormWindow?.ToString("c", CultureInfo.InvariantCulture) ?? "off");
    }
}
