using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VcSync.Server.Api;
using VcSync.Server.Dashboard;
using VcSync.Server.Hosting;

namespace VcSync.Server.Security;

/// <summary>
/// Who may do what. Writes (anything but GET and HEAD) always need the bearer token, and are refused outright when
/// none is configured. Reads need it when the server listens beyond loopback, unless anonymous reads are allowed. The
/// token travels only in the <c>Authorization</c> header, never a cookie, so another site's page cannot send it.
/// </summary>
internal sealed partial class AccessControl
{
    private readonly RequestDelegate _next;
    private readonly TokenCheck _token;
    private readonly ServeOptions _options;
    private readonly ILogger<AccessControl> _logger;

    public AccessControl(RequestDelegate next, TokenCheck token, ServeOptions options, ILogger<AccessControl> logger)
    {
        _next = next;
        _token = token;
        _options = options;
        _logger = logger;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isRead = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        // The stylesheet and script hold no data; the page that asks for the token needs them.
        if (isRead && (!_options.ReadsNeedToken || request.Path.StartsWithSegments("/static")))
        {
            return _next(context);
        }

        if (!isRead && !_token.IsConfigured)
        {
            LogRefused(_logger, request.Method, request.Path.Value ?? "/", context.Connection.RemoteIpAddress?.ToString() ?? "?", "no token is configured");
            return ApiProblems.Problem(
                    StatusCodes.Status403Forbidden,
                    "Writes are disabled",
                    "this server has no API token, so it accepts no writes: start it with VCSYNC_API_TOKEN or --token-file")
                .ExecuteAsync(context);
        }

        var verdict = _token.Check(request.Headers.Authorization);
        if (verdict == TokenVerdict.Valid)
        {
            return _next(context);
        }

        // The token itself is never logged, whether right or wrong.
        LogRefused(_logger, request.Method, request.Path.Value ?? "/", context.Connection.RemoteIpAddress?.ToString() ?? "?",
            verdict == TokenVerdict.Missing ? "no bearer token" : "wrong bearer token");
        context.Response.Headers.WWWAuthenticate = "Bearer";
        if (isRead && Pages.IsPage(request.Path))
        {
            return Pages.TokenRequiredAsync(context);
        }

        return ApiProblems.Problem(
                StatusCodes.Status401Unauthorized,
                "Unauthorized",
                verdict == TokenVerdict.Missing ? "this request needs 'Authorization: Bearer <token>'" : "the bearer token is not valid")
            .ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} from {Remote}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string remote, string reason);
}
