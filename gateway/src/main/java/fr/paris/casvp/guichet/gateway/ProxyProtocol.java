package fr.paris.casvp.guichet.gateway;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.server.ProxyProtocolSupportType;

/**
 * The PROXY protocol (HAProxy's), on when {@code guichet.proxy-protocol=true}: every connection then starts with a line
 * that names the client, and the request's remote address is that client ({@link ClientAddresses}). For a balancer that
 * passes connections on as bytes and cannot add {@code X-Forwarded-For}: the local run's (issue #33: behind it every
 * client was 127.0.0.1, and one client's flood got everyone 429). Only for a port nobody but that balancer reaches: a
 * connection without the line is refused, and whoever reaches the port could name any client.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("guichet.proxy-protocol")
class ProxyProtocol {

    @Bean
    NettyServerCustomizer proxyProtocolFromTheBalancer() {
        return server -> server.proxyProtocol(ProxyProtocolSupportType.ON);
    }
}
