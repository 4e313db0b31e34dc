using Microsoft.AspNetCore.Http;

namespace VcSync.Server.Api;

/// <summary>A result with a <c>Location</c> header: where the created thing can be read.</summary>
internal sealed class LocatedResult : IResult
{
    private readonly IResult _inner;
    private readonly string _location;

    public LocatedResult(IResult inner, string location)
    {
        _inner = inner;
        _location = location;
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.Location = _location;
        return _inner.ExecuteAsync(httpContext);
    }
}
