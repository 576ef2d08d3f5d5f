using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.AspNetCore;

/// <content>How exceptions become problems: the <c>Map</c> and <c>MapValidation</c> methods.</content>
public sealed partial class GlobalErrorHandlerOptions
{
    /// <summary>The mappings by exception type; a later call for the same type replaces the earlier one, whatever its form.</summary>
    internal Dictionary<Type, ExceptionMapping> TypeMappings { get; } = [];

    internal List<(Func<Exception, bool> Predicate, ExceptionMapping Mapping)> PredicateMappings { get; } = [];

    /// <summary>
    /// Maps an exception type, and every type derived from it, to a status code. The most derived mapped
    /// type of an exception wins, whatever the order of the calls; mapping the same type again, in any form,
    /// replaces the earlier mapping.
    /// </summary>
    /// <typeparam name="TException">The exception type.</typeparam>
    /// <param name="statusCode">The status code of the response: 200–599 except 204, 205 and 304, whose responses have no body.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 100–599, or a status without a body (1xx, 204, 205, 304).</exception>
    public GlobalErrorHandlerOptions Map<TException>(int statusCode)
        where TException : Exception =>
        Map<TException>(statusCode, static _ => { });

    /// <summary>
    /// Maps an exception type, and every type derived from it, to a status code, with a title, a detail, a
    /// problem type, extension members, a log level or an exposed message set on the <see cref="ExceptionMapping"/>.
    /// </summary>
    /// <typeparam name="TException">The exception type.</typeparam>
    /// <param name="statusCode">The status code of the response: 200–599 except 204, 205 and 304, whose responses have no body.</param>
    /// <param name="configure">Sets the title, detail, type, code, extensions, log level or <see cref="ExceptionMapping.ExposeMessage"/>.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 100–599, or a status without a body (1xx, 204, 205, 304).</exception>
    public GlobalErrorHandlerOptions Map<TException>(int statusCode, Action<ExceptionMapping> configure)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(configure);
        ProblemStatus.ThrowIfUnusable(statusCode, nameof(statusCode));
        TypeMappings[typeof(TException)] = Configured(new ExceptionMapping(statusCode), configure);
        return this;
    }

    /// <summary>
    /// Maps an exception type, and every type derived from it, to the status the exception carries
    /// (<c>e =&gt; (int)e.StatusCode</c>). The most derived mapped type wins, as for the other type mappings.
    /// </summary>
    /// <typeparam name="TException">The exception type.</typeparam>
    /// <param name="statusCode">Returns the status code for an exception: 200–599 except 204, 205 and 304. A selector
    /// that throws or returns another number is a failure of the handler.</param>
    /// <returns>These options, for chaining.</returns>
    public GlobalErrorHandlerOptions Map<TException>(Func<TException, int> statusCode)
        where TException : Exception =>
        Map(statusCode, static _ => { });

    /// <summary>
    /// Maps an exception type, and every type derived from it, to the status the exception carries, with a title,
    /// a detail, a problem type, an error code, extension members, a log level or an exposed message set on the
    /// <see cref="ExceptionMapping"/>.
    /// </summary>
    /// <typeparam name="TException">The exception type.</typeparam>
    /// <param name="statusCode">Returns the status code for an exception, 200–599 except 204, 205 and 304 (see <see cref="Map{TException}(Func{TException, int})"/>).</param>
    /// <param name="configure">Sets the title, detail, type, code, extensions, log level or <see cref="ExceptionMapping.ExposeMessage"/>.</param>
    /// <returns>These options, for chaining.</returns>
    public GlobalErrorHandlerOptions Map<TException>(Func<TException, int> statusCode, Action<ExceptionMapping> configure)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(statusCode);
        ArgumentNullException.ThrowIfNull(configure);
        TypeMappings[typeof(TException)] = Configured(new ExceptionMapping(exception => statusCode((TException)exception)), configure);
        return this;
    }

    /// <summary>
    /// Maps an exception type, and every type derived from it, to a problem that the app builds, written in every
    /// environment; the members it leaves out are filled in as for any problem. Its status is
    /// <see cref="ProblemDetails.Status"/>, or 500 when that is not set.
    /// </summary>
    /// <typeparam name="TException">The exception type.</typeparam>
    /// <param name="problem">Builds the problem for an exception, or returns <see langword="null"/> when the mapping
    /// does not apply to it, so that the next less derived mapping or the default does. A factory that throws, or a
    /// status that cannot carry a body, is a failure of the handler.</param>
    /// <returns>These options, for chaining.</returns>
    public GlobalErrorHandlerOptions Map<TException>(Func<HttpContext, TException, ProblemDetails?> problem)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(problem);
        TypeMappings[typeof(TException)] = new ExceptionMapping((context, exception) => problem(context, (TException)exception));
        return this;
    }

    /// <summary>
    /// Maps an exception type, and every type derived from it, to a 400 validation problem in the shape of the
    /// framework's <see cref="HttpValidationProblemDetails"/>: <c>title</c> "One or more validation errors
    /// occurred." and an <c>errors</c> member (field → messages, keys as given), written in every environment and
    /// logged at Information.
    /// </summary>
    /// <typeparam name="TException">The exception type.</typeparam>
    /// <param name="errors">Returns the validation errors an exception carries. A selector that throws is a failure
    /// of the handler.</param>
    /// <returns>These options, for chaining.</returns>
    public GlobalErrorHandlerOptions MapValidation<TException>(Func<TException, IDictionary<string, string[]>> errors)
        where TException : Exception =>
        MapValidation(Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest, errors);

    /// <summary>
    /// Maps an exception type, and every type derived from it, to a validation problem with the given client
    /// error status (422, say), as <see cref="MapValidation{TException}(Func{TException, IDictionary{string, string[]}})"/> does.
    /// </summary>
    /// <typeparam name="TException">The exception type.</typeparam>
    /// <param name="statusCode">The status code of the response, 400–499.</param>
    /// <param name="errors">Returns the validation errors an exception carries.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 400–499.</exception>
    public GlobalErrorHandlerOptions MapValidation<TException>(int statusCode, Func<TException, IDictionary<string, string[]>> errors)
        where TException : Exception
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 499);
        ArgumentNullException.ThrowIfNull(errors);
        TypeMappings[typeof(TException)] = new ExceptionMapping(statusCode, exception => errors((TException)exception));
        return this;
    }

    /// <summary>
    /// Maps the exceptions a predicate accepts to a status code, for cases a type cannot express (a
    /// property of the exception, say). Predicates are tried in the order they were added, before the
    /// type mappings.
    /// </summary>
    /// <param name="predicate">Returns <see langword="true"/> for the exceptions to map.</param>
    /// <param name="statusCode">The status code of the response: 200–599 except 204, 205 and 304, whose responses have no body.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 100–599, or a status without a body (1xx, 204, 205, 304).</exception>
    public GlobalErrorHandlerOptions Map(Func<Exception, bool> predicate, int statusCode) =>
        Map(predicate, statusCode, static _ => { });

    /// <summary>
    /// Maps the exceptions a predicate accepts to a status code, with a title, a detail, a problem type,
    /// extension members, a log level or an exposed message set on the <see cref="ExceptionMapping"/>.
    /// Predicates are tried in the order they were added, before the type mappings.
    /// </summary>
    /// <param name="predicate">Returns <see langword="true"/> for the exceptions to map.</param>
    /// <param name="statusCode">The status code of the response: 200–599 except 204, 205 and 304, whose responses have no body.</param>
    /// <param name="configure">Sets the title, detail, type, code, extensions, log level or <see cref="ExceptionMapping.ExposeMessage"/>.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 100–599, or a status without a body (1xx, 204, 205, 304).</exception>
    public GlobalErrorHandlerOptions Map(Func<Exception, bool> predicate, int statusCode, Action<ExceptionMapping> configure)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(configure);
        ProblemStatus.ThrowIfUnusable(statusCode, nameof(statusCode));
        PredicateMappings.Add((predicate, Configured(new ExceptionMapping(statusCode), configure)));
        return this;
    }

    /// <summary>
    /// The type mappings in force: the <see cref="StatusCodes"/> entries whose names resolve, then the mappings
    /// made in code, which win for the same type.
    /// </summary>
    internal Dictionary<Type, ExceptionMapping> ResolveTypeMappings()
    {
        var mappings = new Dictionary<Type, ExceptionMapping>();
        foreach (var (typeName, statusCode) in StatusCodes)
        {
            if (ExceptionTypeResolver.TryResolve(typeName, out var type))
            {
                mappings[type] = new ExceptionMapping(statusCode);
            }
        }

        foreach (var (type, mapping) in TypeMappings)
        {
            mappings[type] = mapping;
        }

        return mappings;
    }

    private static ExceptionMapping Configured(ExceptionMapping mapping, Action<ExceptionMapping> configure)
    {
        configure(mapping);
        return mapping;
    }
}
