package fr.paris.casvp.guichet.messaging.consumer;

import fr.paris.casvp.guichet.contracts.CloudEventHeaders;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inbound records that were read but must not be applied: they do not match what the service knows (a payment
 * confirmation for another amount or reference than its order's). Parked in the service's database with the reasons,
 * in the transaction of the consumer (so once), counted ({@code guichet.consumer.parked}) and listed for operators at
 * {@code /actuator/parked}, never applied.
 */
public class ParkedRecords {

    private static final Logger log = LoggerFactory.getLogger(ParkedRecords.class);

    private final JdbcClient jdbc;

    public ParkedRecords(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("guichet.consumer.parked", this::count)
                .description("Inbound records read but not applied because they do not match (listed by /actuator/parked)")
                .register(meters);
    }

    public void park(ConsumerRecord<String, String> record, List<String> reasons) {
        log.warn("Record {}-{}@{} parked, not applied: {}", record.topic(), record.partition(), record.offset(), reasons);
        Header eventId = record.headers().lastHeader(CloudEventHeaders.ID);
        jdbc.sql("""
                        insert into parked_record (topic, record_partition, record_offset, record_key, event_id, reasons, payload)
                        values (:topic, :partition, :offset, :key, :eventId, :reasons, :payload)
                        """)
                .param("topic", record.topic()).param("partition", record.partition()).param("offset", record.offset())
                .param("key", record.key())
                .param("eventId", eventId == null ? null : new String(eventId.value(), StandardCharsets.UTF_8))
                .param("reasons", String.join("; ", reasons)).param("payload", record.value())
                .update();
    }

    /** The latest parked records, without their payload. */
    public List<Map<String, Object>> list() {
        return jdbc.sql("""
                        select id, topic, record_partition, record_offset, record_key, event_id, reasons, parked_at
                          from parked_record order by id desc limit 500
                        """).query().listOfRows();
    }

    long count() {
        return jdbc.sql("select count(*) from parked_record").query(Long.class).single();
    }
}
