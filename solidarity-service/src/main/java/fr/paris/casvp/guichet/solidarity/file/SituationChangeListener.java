package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every new snapshot on {@code beneficiaries.v1} re-examines the running grants of the beneficiary and of their partner
 * ({@link SituationChangeService}). An erasure changes nothing here: the payment run finds no data and pays nothing.
 */
@Component
class SituationChangeListener {

    private final SituationChangeService changes;
    private final ObjectReader snapshots;

    SituationChangeListener(SituationChangeService changes, JsonMapper json) {
        this.changes = changes;
        this.snapshots = json.readerFor(BeneficiarySnapshot.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @KafkaListener(id = "solidarity-service.situation-changes", topics = "beneficiaries.v1")
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        BeneficiarySnapshot snapshot = snapshots.readValue(record.value());
        if (snapshot.id() == null || snapshot.situation() == null) {
            return;
        }
        changes.apply(snapshot);
    }
}
