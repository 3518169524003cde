package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #20: after every other system test (the journeys and the continuity drills), no log line of Guichet's
 * processes, and no span of the trace store, holds the personal data those tests used: a NIR, an IBAN, a name or a
 * birth date of anyone in the suite's registry and benefit databases. Not scanned: the logs of the infrastructure the
 * local run stands in for (Kafka, PostgreSQL, the mail server, whose mailbox is the recipients').
 */
@ExtendWith(RunningSuite.class)
@Order(Integer.MAX_VALUE)
class PersonalDataInLogsIT {

    private static final Set<String> NOT_GUICHET = Set.of("kafka.log", "postgres.log", "mail.log");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}'’-]*");
    private static final Pattern DIGITS = Pattern.compile("[0-9AB]{15,}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}");
    private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2}|\\d{2}/\\d{2}/\\d{4})\\b");

    private static LocalSuite suite;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.suite();
    }

    /** What the suite holds about people, as the scan looks for it. */
    record PersonalData(Set<String> nirs, Set<String> ibans, Set<String> names, Set<String> birthDates) {

        /** Each personal datum in the line, said by its kind (never the value itself: the report is a log too). */
        List<String> in(String line) {
            List<String> found = new ArrayList<>();
            Matcher digits = DIGITS.matcher(line);
            while (digits.find()) {
                for (int i = 0; i + 15 <= digits.group().length(); i++) {
                    if (nirs.contains(digits.group().substring(i, i + 15))) {
                        found.add("a NIR");
                    }
                }
            }
            Matcher iban = IBAN.matcher(line.replace(" ", ""));
            while (iban.find()) {
                // An IBAN is 15 to 34 characters: is one of them where this one starts?
                for (int length = 15; length <= iban.group().length(); length++) {
                    if (ibans.contains(iban.group().substring(0, length))) {
                        found.add("an IBAN");
                        break;
                    }
                }
            }
            Matcher word = WORD.matcher(line);
            while (word.find()) {
                if (names.contains(word.group())) {
                    found.add("the name " + word.group().charAt(0) + "…");
                }
            }
            Matcher date = DATE.matcher(line);
            while (date.find()) {
                String iso = date.group().contains("/") ? date.group().substring(6) + "-" + date.group().substring(3, 5) + "-"
                        + date.group().substring(0, 2) : date.group();
                if (birthDates.contains(iso)) {
                    found.add("a birth date");
                }
            }
            return found;
        }
    }

    @Test
    void noLogLineAndNoSpanHoldsThePersonalDataTheTestsUsed() throws Exception {
        PersonalData data = personalData();
        assertThat(data.nirs()).as("people registered by the tests").hasSizeGreaterThan(2);
        assertThat(data.ibans()).as("IBANs the tests gave").isNotEmpty();
        // The scan finds what it looks for, in the form a careless log line would write it.
        String someNir = data.nirs().iterator().next();
        String someIban = data.ibans().iterator().next();
        String someName = data.names().iterator().next();
        String someBirthDate = data.birthDates().iterator().next();
        assertThat(data.in("Registered " + someName + " (" + someNir + "), born " + someBirthDate + ", paid to "
                + someIban.replaceAll("(.{4})", "$1 "))).hasSize(4);

        List<String> findings = new ArrayList<>();
        long lines = 0;
        try (Stream<Path> files = Files.list(suite.logs())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log"))
                    .filter(f -> !NOT_GUICHET.contains(f.getFileName().toString())).sorted().toList()) {
                int number = 0;
                // A byte that is not UTF-8 is read as a replacement character, not a failure.
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        number++;
                        lines++;
                        for (String what : data.in(line)) {
                            findings.add(file.getFileName() + ":" + number + ": " + what);
                        }
                    }
                }
            }
        }
        assertThat(lines).as("log lines scanned").isGreaterThan(1000);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String services = http.send(HttpRequest.newBuilder(URI.create(suite.traces("/api/v2/services"))).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher service = Pattern.compile("\"([^\"]+)\"").matcher(services);
        int spans = 0;
        while (service.find()) {
            // Each application's latest 500 traces (the store keeps the latest 50 000 spans of the run).
            String traces = http.send(HttpRequest.newBuilder(URI.create(suite.traces("/api/v2/traces?limit=500&lookback=86400000&serviceName="
                    + service.group(1)))).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String span : traces.split("\\},\\{\"traceId\"")) {
                spans++;
                for (String what : data.in(span)) {
                    findings.add("a span of " + service.group(1) + ": " + what);
                }
            }
        }
        assertThat(spans).as("spans scanned").isGreaterThan(50);

        assertThat(findings).as("personal data in %d log lines and %d spans", lines, spans).isEmpty();
    }

    private static PersonalData personalData() throws SQLException {
        Set<String> nirs = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> birthDates = new HashSet<>();
        Set<String> ibans = new HashSet<>();
        for (String[] row : rows("beneficiary", """
                select nir, birth_date::text, situation->'identity'->>'lastName', situation->'identity'->>'birthName',
                       situation->'identity'->>'firstNames' from beneficiary
                """, 5)) {
            if (row[0] != null) {
                nirs.add(row[0]);
            }
            birthDates.add(row[1]);
            for (int i = 2; i < 5; i++) {
                if (row[i] != null) {
                    for (String part : row[i].split("\\s+")) {
                        if (part.length() >= 3) {
                            names.add(part);
                        }
                    }
                }
            }
        }
        for (String[] row : rows("aid", "select payee_iban from aid_application union select iban from aid_payment_order", 1)) {
            ibans.add(row[0].replace(" ", ""));
        }
        for (String[] row : rows("solidarity", "select payee_iban from psol_application union select payee_iban from psol_grant", 1)) {
            ibans.add(row[0].replace(" ", ""));
        }
        return new PersonalData(nirs, ibans, names, birthDates);
    }

    private static List<String[]> rows(String database, String sql, int columns) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = suite.database(database);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = result.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

}
