package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.aid.domain.DatedParameter;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The aid's dated parameters (caps, domicile, lapse), each with where it comes from: open to every agent. */
@Service
class ParameterService {

    private final ParameterStore store;

    ParameterService(ParameterStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    List<DatedParameter> all() {
        return store.all();
    }
}
