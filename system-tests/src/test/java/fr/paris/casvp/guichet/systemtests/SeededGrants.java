package fr.paris.casvp.guichet.systemtests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Paris Solidarité grants written straight into solidarity-service's database, for the payment run drills. */
final class SeededGrants {

    private SeededGrants() {
    }

    /**
     * {@code count} elderly people living in Paris, in solidarity-service's copy of the registry only, without any
     * application: their ids. For a load that files Paris Solidarité many times, each filing a person's first (issue
     * #36: a second application of a person is refused while the first is examined or granted).
     */
    static List<String> people(LocalSuite suite, String tag, int count) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = suite.database("solidarity");
             Statement sql = connection.createStatement();
             ResultSet inserted = sql.executeQuery("""
                    insert into beneficiary_replica (beneficiary_id, snapshot, version, erased, source_partition, source_offset, replicated_at)
                    select b::text, jsonb_build_object('id', b, 'fileNumber', 'B-%1$s-' || lpad(n::text, 6, '0'), 'version', 1,
                             'updatedAt', now(), 'livesInParisSince', '2001-01-01',
                             'situation', jsonb_build_object(
                                 'identity', jsonb_build_object('lastName', 'Durand', 'firstNames', 'Paul', 'birthDate', '1948-05-05', 'sex', 'M'),
                                 'address', jsonb_build_object('line1', '3 rue de Tolbiac', 'postcode', '75013', 'city', 'Paris',
                                     'arrondissement', 13),
                                 'parisResidence', jsonb_build_array(jsonb_build_object('from', '2001-01-01')),
                                 'monthlyResources', jsonb_build_array(jsonb_build_object('kind', 'PENSION', 'amount', 300)),
                                 'warVeteran', false, 'section', '13')),
                           1, false, 0, 0, now()
                      from (select n, gen_random_uuid() as b from generate_series(1, %2$d) n) people
                    returning beneficiary_id
                    """.formatted(tag, count))) {
            while (inserted.next()) {
                ids.add(inserted.getString(1));
            }
        }
        return ids;
    }

    /**
     * {@code count} grants of elderly people living in Paris, and their snapshots in the service's replica, marked by
     * {@code tag} (their file numbers {@code B-<tag>-000001}, their applications {@code PS-<tag>-…}): the replica also
     * holds the people the other system tests registered, and another drill seeds its own.
     */
    static void seed(LocalSuite suite, String tag, int count, String firstMonth, String lastMonth) throws SQLException {
        try (Connection connection = suite.database("solidarity");
             Statement sql = connection.createStatement()) {
            sql.execute("""
                    insert into beneficiary_replica (beneficiary_id, snapshot, version, erased, source_partition, source_offset, replicated_at)
                    select b::text, jsonb_build_object('id', b, 'fileNumber', 'B-%1$s-000001', 'version', 1, 'updatedAt', now(),
                             'livesInParisSince', '2001-01-01',
                             'situation', jsonb_build_object(
                                 'identity', jsonb_build_object('lastName', 'Durand', 'firstNames', 'Paul', 'birthDate', '1948-05-05', 'sex', 'M'),
                                 'address', jsonb_build_object('line1', '3 rue de Tolbiac', 'postcode', '75013', 'city', 'Paris',
                                     'arrondissement', 13),
                                 'parisResidence', jsonb_build_array(jsonb_build_object('from', '2001-01-01')),
                                 'monthlyResources', jsonb_build_array(jsonb_build_object('kind', 'PENSION', 'amount', mod(n, 7) * 100)),
                                 'warVeteran', false, 'section', '13')),
                           1, false, 0, 0, now()
                      from (select n, gen_random_uuid() as b from generate_series(1, %2$d) n) people
                    """.formatted(tag, count));
            sql.execute("""
                    with people as (select beneficiary_id::uuid as b, row_number() over () as n from beneficiary_replica
                                     where snapshot ->> 'fileNumber' = 'B-%1$s-000001')
                    insert into psol_application (id, number, receipt_number, beneficiary_id, section, renewal, payee_account_holder,
                        payee_iban, status, received_at, filed_by, filed_at, updated_at)
                    select gen_random_uuid(), 'PS-%1$s-' || lpad(n::text, 6, '0'), 'SEED-%1$s-' || n, b, '13', false, 'Paul Durand',
                           'FR7630006000011234567890189', 'GRANTED', now(), 'seed-%1$s', now(), now() from people
                    """.formatted(tag));
            sql.execute("""
                    insert into psol_grant (id, number, application_id, beneficiary_id, section, payee_account_holder, payee_iban,
                        first_month, last_month, status, monthly_amount, granted_by, granted_at)
                    select gen_random_uuid(), 'PSG-%1$s-' || substr(number, 9), id, beneficiary_id, '13', 'Paul Durand',
                           payee_iban, '%2$s', '%3$s', 'ACTIVE', 100, 'seed', now()
                      from psol_application where filed_by = 'seed-%1$s'
                    """.formatted(tag, firstMonth, lastMonth));
        }
    }
}
