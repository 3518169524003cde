package fr.paris.casvp.guichet.gateway;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The address of the client a request comes from, for the limits per address. Behind a load balancer or an ingress,
 * the connection comes from the proxy; the proxy says the client's address in {@code X-Forwarded-For}. That header is
 * believed only from the proxies an operator lists ({@code guichet.trusted-proxies}, addresses or CIDR blocks such as
 * {@code 10.0.0.0/8}): from anyone else it is ignored, so that a client cannot choose the address it is limited by.
 * Of the header's chain, the client is the last address that is not a trusted proxy.
 *
 * <p>The local run's balancer passes connections on as bytes: it says who the client is with the PROXY protocol
 * ({@code guichet.proxy-protocol}, {@link ProxyProtocol}), so that the connection's address is the client's there too.
 */
@Component
public class ClientAddresses {

    private final List<Block> trusted;

    ClientAddresses(@Value("${guichet.trusted-proxies:}") List<String> trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                blocks.add(Block.parse(entry.trim()));
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    public String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        String peer = remote.getAddress().getHostAddress();
        if (!isTrusted(remote.getAddress())) {
            return peer;
        }
        List<String> chain = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
            Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(chain::add);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(chain.get(i));
            if (hop == null) {
                return peer;
            }
            if (!isTrusted(hop) || i == 0) {
                return hop.getHostAddress();
            }
        }
        return peer;
    }

    /**
     * What a client is limited as ({@link #of} made coarser where one client holds many addresses): an IPv4 address as
     * it is, an IPv6 address by its /64 network, which one household or one device's temporary addresses share.
     */
    public String limitedAs(ServerHttpRequest request) {
        String address = of(request);
        InetAddress parsed = literal(address);
        if (parsed == null || parsed.getAddress().length != 16) {
            return address;
        }
        byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    /** An IP address written as such (never a name to resolve); null for anything else. */
    private static InetAddress literal(String text) {
        if (!text.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("guichet.trusted-proxies: not an address or a CIDR block: " + cidr);
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("guichet.trusted-proxies: bad prefix length in " + cidr);
            }
            return new Block(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
