package fr.paris.casvp.guichet.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTest {

    private final ClientAddresses behindTheIngress = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.10"));

    @Test
    void aClientCannotChooseTheAddressItIsLimitedBy() {
        MockServerHttpRequest spoofed = MockServerHttpRequest.get("/suivi").remoteAddress(new InetSocketAddress("203.0.113.7", 5000))
                .header("X-Forwarded-For", "198.51.100.1").build();

        assertThat(behindTheIngress.of(spoofed)).isEqualTo("203.0.113.7");
        assertThat(new ClientAddresses(List.of()).of(spoofed)).as("no trusted proxy: the header is never read").isEqualTo("203.0.113.7");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheLastAddressThatIsNotOne() {
        MockServerHttpRequest throughTwo = MockServerHttpRequest.get("/suivi").remoteAddress(new InetSocketAddress("10.1.2.3", 5000))
                .header("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 192.168.1.10").build();
        MockServerHttpRequest noHeader = MockServerHttpRequest.get("/suivi").remoteAddress(new InetSocketAddress("10.1.2.3", 5000)).build();
        MockServerHttpRequest garbage = MockServerHttpRequest.get("/suivi").remoteAddress(new InetSocketAddress("10.1.2.3", 5000))
                .header("X-Forwarded-For", "evil.example.org").build();

        // 198.51.100.1 was written by the client itself: only what the trusted proxies appended is believed.
        assertThat(behindTheIngress.of(throughTwo)).isEqualTo("203.0.113.7");
        assertThat(behindTheIngress.of(noHeader)).isEqualTo("10.1.2.3");
        assertThat(behindTheIngress.of(garbage)).as("a name is never resolved").isEqualTo("10.1.2.3");
    }

    @Test
    void aTrustedProxyThatIsNotAnAddressOrABlockIsRefusedAtStart() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("ingress.local"))).hasMessageContaining("guichet.trusted-proxies");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/40"))).hasMessageContaining("prefix");
    }

    @Test
    void anIpv6ClientIsLimitedAsItsSlash64AndAnIpv4OneAsItsAddress() {
        ClientAddresses direct = new ClientAddresses(List.of());
        MockServerHttpRequest one = MockServerHttpRequest.get("/suivi").remoteAddress(new InetSocketAddress("2001:db8:5:6::a", 5000)).build();
        MockServerHttpRequest other = MockServerHttpRequest.get("/suivi")
                .remoteAddress(new InetSocketAddress("2001:db8:5:6:1234:5678:9abc:def0", 5000)).build();
        MockServerHttpRequest v4 = MockServerHttpRequest.get("/suivi").remoteAddress(new InetSocketAddress("203.0.113.7", 5000)).build();

        assertThat(direct.limitedAs(one)).isEqualTo("2001:db8:5:6:0:0:0:0/64").isEqualTo(direct.limitedAs(other));
        assertThat(direct.limitedAs(v4)).isEqualTo("203.0.113.7");
    }
}
