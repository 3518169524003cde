import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far behind each benefit service reads the treasury's answers: every 5 s, the records of
 * {@code payment-confirmations.v2} each group reading it has not committed yet (the topic's end offsets minus the group's
 * committed offsets, summed over the partitions), until stopped. Run beside a monthly payment run, e.g. the system tests'
 * {@code PaymentRunCrashIT} (40 000 grants), to see how long the other services take to pass its answers by.
 *
 * <pre>
 * ./mvnw -B -o install -DskipTests -pl deploy/local -am
 * java -cp 'deploy/local/target/lib/*' system-tests/bench/AnswersLag.java system-tests/target/guichet-home
 * </pre>
 *
 * Reads the broker's address and its administrator's password in the state folder's {@code kafka/server.properties}.
 */
public class AnswersLag {

    private static final String TOPIC = "payment-confirmations.v2";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public static void main(String[] args) throws Exception {
        String server = Files.readString(Path.of(args.length > 0 ? args[0] : ".guichet", "kafka", "server.properties"));
        Properties settings = new Properties();
        settings.put("bootstrap.servers", "127.0.0.1:" + find(server, "(?m)^listeners=SASL_PLAINTEXT://127\\.0\\.0\\.1:(\\d+)"));
        settings.put("security.protocol", "SASL_PLAINTEXT");
        settings.put("sasl.mechanism", "PLAIN");
        settings.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                + find(server, "sasl_plaintext\\.plain\\.sasl\\.jaas\\.config=.*? password=\"([^\"]+)\"") + "\";");
        try (Admin admin = Admin.create(settings)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
                    .map(partition -> new TopicPartition(TOPIC, partition.partition())).toList();
            while (true) {
                Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()))).all().get();
                long end = ends.values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
                StringBuilder line = new StringBuilder(LocalTime.now().format(TIME) + " answers " + end);
                // Every group that reads the topic: the services that order payments (the partners' own groups too).
                for (String group : admin.listGroups().all().get().stream().map(GroupListing::groupId).sorted().toList()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    if (partitions.stream().noneMatch(committed::containsKey)) {
                        continue;
                    }
                    long read = partitions.stream().map(committed::get).filter(Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
                    line.append("  ").append(group).append(" behind ").append(end - read);
                }
                System.out.println(line);
                Thread.sleep(5_000);
            }
        }
    }

    private static String find(String text, String regex) {
        Matcher match = Pattern.compile(regex).matcher(text);
        if (!match.find()) {
            throw new IllegalStateException("not found in server.properties: " + regex);
        }
        return match.group(1);
    }
}
