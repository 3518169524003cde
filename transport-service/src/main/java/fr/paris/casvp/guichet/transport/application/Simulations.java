package fr.paris.casvp.guichet.transport.application;

import fr.paris.casvp.guichet.transport.domain.Navigo;
import fr.paris.casvp.guichet.transport.store.TariffStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the Navigo rule gives for facts a counter enters, with the tariffs in force on the date they name. */
@Service
public class Simulations {

    private final TariffStore tariffs;

    Simulations(TariffStore tariffs) {
        this.tariffs = tariffs;
    }

    @Transactional(readOnly = true)
    public Navigo.Result simulate(Navigo.Request request) {
        return Navigo.decide(request, tariffs.on(request.date()));
    }
}
