package fr.paris.casvp.guichet.localissuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** However often it is renewed, a sign-in ends when its day is over (here made to last five seconds). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"guichet.demo-password=test",
    "spring.security.oauth2.authorizationserver.client.guichet-counter.token.refresh-token-time-to-live=5s"})
class CounterSignInDayIT {

    @LocalServerPort
    int shortDayPort;

    @Test
    void everyRefreshTokenOfASignInExpiresWhenTheSignInIsADayOld() throws Exception {
        CounterSignIn counter = new CounterSignIn(shortDayPort);
        String[] refreshToken = {JsonPath.read(counter.signIn("agent13", "test").body(), "$.refresh_token")};
        int[] renewals = {0};
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> answer = counter.refresh(refreshToken[0]);
            if (answer.statusCode() == 200 && answer.body().contains("refresh_token")) {
                refreshToken[0] = JsonPath.read(answer.body(), "$.refresh_token");
                renewals[0]++;
                return false;
            }
            return answer.statusCode() == 400 && answer.body().contains("invalid_grant");
        });
        assertThat(renewals[0]).as("renewed again and again until then").isGreaterThan(1);
    }
}
