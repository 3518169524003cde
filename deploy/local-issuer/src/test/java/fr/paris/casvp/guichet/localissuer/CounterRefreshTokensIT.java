package fr.paris.casvp.guichet.localissuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #33: the counter's access token lived ten hours, stayed in the tab, and sign-out did not end it. Now the token
 * lives minutes and the counter renews it with a refresh token that works once, for one working day at most, and that
 * sign-out revokes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "guichet.demo-password=test")
class CounterRefreshTokensIT {

    @LocalServerPort
    int port;

    @Test
    void theCounterGetsAShortTokenAndRenewsItWithARefreshTokenUsedOnce() throws Exception {
        CounterSignIn counter = new CounterSignIn(port);
        HttpResponse<String> signedIn = counter.signIn("agent13", "test");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(signedIn.body(), "$.expires_in")).as("ten minutes").isBetween(590, 600);
        String first = JsonPath.read(signedIn.body(), "$.refresh_token");

        HttpResponse<String> renewed = counter.refresh(first);
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(renewed.body(), "$.access_token")).isNotEqualTo(JsonPath.read(signedIn.body(), "$.access_token"));
        String second = JsonPath.read(renewed.body(), "$.refresh_token");
        assertThat(second).isNotEqualTo(first);
        assertThat(JsonPath.<String>read(renewed.body(), "$.access_token")).as("the agent's claims, renewed")
                .satisfies(token -> assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1])))
                        .contains("\"section\":\"13\"", "agent13"));

        HttpResponse<String> again = counter.refresh(first);
        assertThat(again.statusCode()).as("a refresh token works once").isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");
        assertThat(counter.refresh(second).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherClientCannotRevokeTheCountersRefreshToken() throws Exception {
        CounterSignIn counter = new CounterSignIn(port);
        String refreshToken = JsonPath.read(counter.signIn("agent13", "test").body(), "$.refresh_token");

        assertThat(counter.revoke(refreshToken, "unknown-client").statusCode()).isEqualTo(401);
        assertThat(counter.refresh(refreshToken).statusCode()).as("not revoked by another client").isEqualTo(200);
    }

    @Test
    void aRevokedRefreshTokenGivesNothing() throws Exception {
        CounterSignIn counter = new CounterSignIn(port);
        String refreshToken = JsonPath.read(counter.signIn("agent13", "test").body(), "$.refresh_token");

        assertThat(counter.revoke(refreshToken, CounterSignIn.CLIENT).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = counter.refresh(refreshToken);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
    }

    @Test
    void aClientThatIsNotRegisteredGetsNoToken() throws Exception {
        CounterSignIn counter = new CounterSignIn(port);
        String refreshToken = JsonPath.read(counter.signIn("agent13", "test").body(), "$.refresh_token");
        HttpResponse<String> refused = counter.post("/oauth2/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "another"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("invalid_client");
    }
}
