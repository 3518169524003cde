package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator is told when ./guichet cannot do what was asked. */
class LauncherIT {

    @TempDir
    Path home;

    @Test
    void aTakenPortIsReportedWithTheVariableThatMovesIt() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            LocalSuite suite = new LocalSuite(home).with("GUICHET_GATEWAY_PORT", String.valueOf(squatter.getLocalPort()));

            assertThat(suite.guichet("start", "gateway")).isEqualTo(1);

            assertThat(suite.output())
                    .contains("port " + squatter.getLocalPort() + ", needed by gateway, is already taken")
                    .contains("GUICHET_GATEWAY_PORT=");
            assertThat(suite.pid("gateway")).isEmpty();
        }
    }

    @Test
    void aServiceThatCannotStartIsReportedWithTheEndOfItsLog() {
        // Nothing listens on the PostgreSQL port: the service's migrations cannot run and it stops.
        LocalSuite suite = new LocalSuite(home);

        try {
            assertThat(suite.guichet("start", "aid-service")).isEqualTo(1);
        } finally {
            // The balancer it started first, in front of the service's port.
            suite.guichet("down");
        }

        assertThat(suite.output())
                .contains("guichet: aid-service failed to start.")
                .contains("Cause:")
                .containsPattern("Connection to 127\\.0\\.0\\.1:\\d+ refused")
                .contains("Last lines of");
        assertThat(suite.pid("aid-service")).isEmpty();
    }

    @Test
    void anUnknownComponentIsNamedWithTheKnownOnes() {
        LocalSuite suite = new LocalSuite(home);

        assertThat(suite.guichet("stop", "aid")).isEqualTo(1);

        assertThat(suite.output()).contains("unknown component 'aid'").contains("aid-service");
    }
}
