namespace VcSync.Vim.Session;

/// <summary>Why a server certificate was refused.</summary>
/// <param name="Thumbprint">Its SHA-256 thumbprint, upper-case hex.</param>
/// <param name="Reason">Why, in words that follow "the certificate was refused because".</param>
internal sealed record CertificateRefusal(string Thumbprint, string Reason);
