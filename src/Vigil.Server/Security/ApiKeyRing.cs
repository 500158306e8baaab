using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Security;

/// <summary>
/// The configured API keys. A presented key is compared with every configured key in constant time (SHA-256 of both,
/// then <see cref="CryptographicOperations.FixedTimeEquals"/>, with no early exit), so timing tells an attacker
/// neither which key nor how much of one matched.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly (byte[] Hash, ApiScope Scope, string Name)[] _keys;

    public ApiKeyRing(IOptions<ServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = options.Value.ApiKeys
            .Where(k => !string.IsNullOrEmpty(k.Key))
            .Select(k => (Hash(k.Key), ParseScope(k.Scope, k.Name), string.IsNullOrEmpty(k.Name) ? "api-key" : k.Name))
            .ToArray();
    }

    /// <summary>True when no key is configured: the API is open (development).</summary>
    public bool IsOpen => _keys.Length == 0;

    /// <summary>The scope and holder name of <paramref name="presented"/>, or (None, null) when it matches no key.</summary>
    public (ApiScope Scope, string? Name) Authenticate(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var hash = Hash(presented);
        var scope = ApiScope.None;
        string? name = null;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                scope = key.Scope;
                name = key.Name;
            }
        }

        return (scope, name);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static ApiScope ParseScope(string scope, string name) => scope?.Trim().ToUpperInvariant() switch
    {
        "READ" => ApiScope.Read,
        "WRITE" => ApiScope.Write,
        _ => throw new InvalidOperationException($"API key '{name}' has scope '{scope}'; expected 'read' or 'write'."),
    };
}
