package fr.paris.casvp.guichet.solidarity;

import fr.paris.casvp.guichet.testsupport.RealInfrastructure;

/**
 * The payment run's benchmark at a CI size, with the tests: 3 000 grants in a database of their own, every one paid or
 * skipped and every order on Kafka, so that the benchmark keeps working between the runs that measure. Its time means
 * nothing on a machine building everything else at once, and nothing asserts it (docs/benchmarks.md has the measured
 * runs).
 */
@RealInfrastructure(database = "solidarity_bench")
class PaymentRunSmokeIT extends PaymentRunBench {

    @Override
    int grants() {
        return 3_000;
    }

    @Override
    String reportName() {
        return "payment-run-smoke.txt";
    }
}
