package fr.paris.casvp.guichet.gateway;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.common.GroupState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many instances of the gateway run now, read from Kafka: each instance reads the status board in a consumer group
 * of its own ({@value #GROUP_PREFIX}…), which has a member while it lives; the group of an instance that died empties
 * after the session time-out. At least 1; unchanged while Kafka does not answer. What the rate limits are shared by.
 */
@Component
public class GatewayPeers {

    static final String GROUP_PREFIX = "gateway-status-board-";
    private static final Logger log = LoggerFactory.getLogger(GatewayPeers.class);

    private final AdminClient kafka;
    private volatile int count = 1;

    GatewayPeers(KafkaAdmin admin) {
        Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        this.kafka = AdminClient.create(config);
    }

    @PreDestroy
    void close() {
        kafka.close(Duration.ofSeconds(1));
    }

    /** The instances running now, this one included. */
    public int count() {
        return count;
    }

    @Scheduled(fixedDelayString = "${guichet.peers.poll-interval:10s}", initialDelayString = "${guichet.peers.poll-interval:10s}")
    void poll() {
        try {
            List<String> groups = kafka.listGroups().all().get(3, TimeUnit.SECONDS).stream().map(GroupListing::groupId)
                    .filter(id -> id.startsWith(GROUP_PREFIX)).toList();
            int live = groups.isEmpty() ? 0 : (int) kafka.describeConsumerGroups(groups).all().get(3, TimeUnit.SECONDS).values()
                    .stream().filter(g -> g.groupState() == GroupState.STABLE && !g.members().isEmpty()).count();
            int now = Math.max(1, live);
            if (now != count) {
                log.info("Gateway instances running: {} (were {}); the rate limits are shared accordingly", now, count);
                count = now;
            }
        } catch (Exception e) {
            // Kafka does not answer: the last count stands.
        }
    }
}
