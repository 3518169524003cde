package db.migration;

import fr.paris.casvp.guichet.beneficiary.domain.NameKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Issue #36: a name with a ligature (œ, æ, ß) was keyed without its letters ("DUC UR"), so that "Ducoeur" did not find
 * "Ducœur". {@link NameKey} now writes them as typed ("DUCOEUR"); the keys already stored are made again, by the same
 * code, for the files whose names hold one. (Version 3 after V1 and V2's SQL; found by Flyway in {@code db/migration}.)
 */
public class NameKeysWithLigatures implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "name keys with ligatures";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Map<UUID, String> keys = new LinkedHashMap<>();
        try (PreparedStatement select = context.getConnection().prepareStatement("""
                select id, situation -> 'identity' ->> 'lastName', situation -> 'identity' ->> 'firstNames' from beneficiary
                 where situation -> 'identity' ->> 'lastName' ~ '[œŒæÆß]' or situation -> 'identity' ->> 'firstNames' ~ '[œŒæÆß]'
                """);
             ResultSet named = select.executeQuery()) {
            while (named.next()) {
                keys.put(named.getObject(1, UUID.class), NameKey.of(named.getString(2), named.getString(3)));
            }
        }
        try (PreparedStatement update = context.getConnection().prepareStatement("update beneficiary set name_key = ? where id = ?")) {
            for (Map.Entry<UUID, String> key : keys.entrySet()) {
                update.setString(1, key.getValue());
                update.setObject(2, key.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
