using System.Net;
using System.Net.Sockets;

namespace NewsPerspectives;

/// <summary>
/// The optional server-side request forgery guard of <see cref="HttpFeedSource"/>: resolves the host itself and
/// connects only to addresses a filter allows, inside <see cref="SocketsHttpHandler.ConnectCallback"/>, so every
/// connection — each redirect hop included — is checked after DNS and before any byte is sent.
/// </summary>
public static class PrivateAddressGuard
{
    /// <summary>
    /// Whether an address is public: <see langword="false"/> for unspecified, "this network" (0/8), loopback, private
    /// (10/8, 172.16/12, 192.168/16), CGNAT (100.64/10), link-local (169.254/16, fe80::/10, where cloud metadata
    /// services live), IETF protocol assignments (192.0.0/24), benchmarking (198.18/15), documentation ranges,
    /// multicast, reserved (240/4), broadcast, IPv6 unique-local (fc00::/7), site-local and IPv4-mapped or
    /// -translated forms of any of these.
    /// </summary>
    /// <param name="address">The address.</param>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public static bool IsPublicAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return !(b[0] == 0
                || b[0] == 10
                || b[0] == 127
                || (b[0] == 100 && (b[1] & 0xC0) == 64)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 192 && b[1] == 0 && b[2] == 2)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 198 && (b[1] & 0xFE) == 18)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113)
                || b[0] >= 224);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
            {
                return false;
            }

            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            // 64:ff9b::/96 (NAT64) and ::/96 (IPv4-compatible) carry an IPv4 address: judge that one.
            bool nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].IndexOfAnyExcept((byte)0) < 0;
            bool compatible = b[..12].IndexOfAnyExcept((byte)0) < 0;
            if (nat64 || compatible)
            {
                return IsPublicAddress(new IPAddress(b[12..]));
            }

            // 2001:db8::/32 documentation.
            return !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8);
        }

        return false;
    }

    /// <summary>Creates a connect callback that refuses addresses the filter does not allow.</summary>
    internal static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> CreateConnectCallback(Func<IPAddress, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            IPAddress[] resolved = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            var allowed = resolved.Where(filter).ToArray();
            if (allowed.Length == 0)
            {
                throw new BlockedAddressException(host, resolved);
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
    }
}

/// <summary>Thrown by the guard's connect callback: the host resolved only to addresses that may not be connected to.</summary>
internal sealed class BlockedAddressException(string host, IReadOnlyList<IPAddress> addresses)
    : IOException($"'{host}' resolves to {(addresses.Count == 0 ? "no address" : string.Join(", ", addresses))}, which the private-address guard does not allow")
{
    public string Host { get; } = host;
}
