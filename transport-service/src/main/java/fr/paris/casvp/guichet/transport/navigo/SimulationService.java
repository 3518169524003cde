package fr.paris.casvp.guichet.transport.navigo;

import fr.paris.casvp.guichet.transport.domain.Navigo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the Navigo rule gives for facts a counter enters, with the tariffs in force on the date they name. */
@Service
class SimulationService {

    private final TariffStore tariffs;

    SimulationService(TariffStore tariffs) {
        this.tariffs = tariffs;
    }

    @Transactional(readOnly = true)
    Navigo.Result simulate(Navigo.Request request) {
        return Navigo.decide(request, tariffs.on(request.date()));
    }
}
