package fr.paris.casvp.guichet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SharedInfrastructureIT {

    private final SharedInfrastructure infrastructure = SharedInfrastructure.get();

    @Test
    void theSameServersServeTheWholeTestRun() {
        assertThat(SharedInfrastructure.get()).isSameAs(infrastructure);
    }

    @Test
    void eachCallerGetsAnEmptyRealPostgresDatabaseOfItsOwn() throws Exception {
        DatabaseCoordinates first = infrastructure.createDatabase("aid");
        DatabaseCoordinates second = infrastructure.createDatabase("aid");
        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());

        try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table probe (id int primary key, payload jsonb)");
            statement.execute("insert into probe values (1, '{\"a\": 1}')");
            try (ResultSet version = statement.executeQuery("select current_setting('server_version_num')::int")) {
                version.next();
                assertThat(version.getInt(1)).isGreaterThanOrEqualTo(140000);
            }
        }
        try (Connection connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password());
             ResultSet tables = connection.getMetaData().getTables(null, "public", "probe", null)) {
            assertThat(tables.next()).as("the other database does not see the table").isFalse();
        }
    }

    @Test
    void theKafkaBrokerTakesAndGivesBackRecords() throws Exception {
        String topic = "probe-" + UUID.randomUUID();
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "value")).get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(consumer.poll(Duration.ofMillis(500))).anySatisfy(record -> assertThat(record.value()).isEqualTo("value")));
        }
    }
}
