using System.Security.Cryptography;
using System.Text;

namespace VcSync.Server.Security;

/// <summary>
/// Checks a request's <c>Authorization: Bearer</c> token against the configured one in constant time: both are hashed
/// first, so neither the comparison nor its length reveals how much of a guess was right.
/// </summary>
internal sealed class TokenCheck
{
    private const string Scheme = "Bearer ";
    private readonly byte[]? _expectedHash;

    public TokenCheck(string? token)
    {
        _expectedHash = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>Whether a token is configured at all.</summary>
    public bool IsConfigured => _expectedHash is not null;

    /// <summary>What the <c>Authorization</c> header amounts to.</summary>
    public TokenVerdict Check(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return TokenVerdict.Missing;
        }

        if (_expectedHash is null)
        {
            return TokenVerdict.Wrong;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(authorization.AsSpan(Scheme.Length).Trim().ToString()));
        return CryptographicOperations.FixedTimeEquals(given, _expectedHash) ? TokenVerdict.Valid : TokenVerdict.Wrong;
    }
}
