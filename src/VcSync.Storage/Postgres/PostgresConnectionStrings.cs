using Npgsql;

namespace VcSync.Storage.Postgres;

/// <summary>Turns what a user may pass as <c>--db</c> into an Npgsql connection string.</summary>
internal static class PostgresConnectionStrings
{
    /// <summary>
    /// A <c>postgres://user:password@host:port/database?sslmode=require</c> URI becomes a connection string (Npgsql
    /// takes none); a connection string is returned as it is.
    /// </summary>
    public static string Normalize(string value)
    {
        var trimmed = value.Trim();
        if (!trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var uri = new Uri(trimmed);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var item = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            // libpq spells it sslmode=verify-full; Npgsql's key is "SSL Mode" and its value VerifyFull (any case).
            if (string.Equals(key, "sslmode", StringComparison.OrdinalIgnoreCase))
            {
                builder["SSL Mode"] = item.Replace("-", string.Empty, StringComparison.Ordinal);
            }
            else
            {
                builder[key] = item;
            }
        }

        return builder.ConnectionString;
    }
}
