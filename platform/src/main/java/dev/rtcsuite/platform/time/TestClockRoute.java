package dev.rtcsuite.platform.time;

import dev.rtcsuite.platform.security.AccessInterceptor;
import dev.rtcsuite.platform.security.Role;
import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code POST /rtcsuite/test-clock?advance=PT25H} moves the service's {@link MovableClock} and
 * answers the new time; {@code ?stop-at=2026-11-30T08:00:00Z} stops it there. Only in builds made
 * with {@code rtcsuite.test-hooks=true}; an ADMIN token is required whenever callers are
 * authenticated.
 */
@ApplicationScoped
@IfBuildProperty(name = "rtcsuite.test-hooks", stringValue = "true")
public class TestClockRoute {

    private final MovableClock clock;
    private final AccessInterceptor access;

    public TestClockRoute(MovableClock clock, AccessInterceptor access) {
        this.clock = clock;
        this.access = access;
    }

    void register(@Observes Router router) {
        router.post("/rtcsuite/test-clock").blockingHandler(this::move);
    }

    private void move(RoutingContext request) {
        if (!access.admits(request.request().getHeader("authorization"), Role.ADMIN)) {
            request.response().setStatusCode(403).end("an ADMIN access token is required\n");
            return;
        }
        try {
            String stopAt = request.queryParams().get("stop-at");
            Instant now =
                    stopAt != null
                            ? clock.stopAt(Instant.parse(stopAt))
                            : clock.advance(Duration.parse(request.queryParams().get("advance")));
            request.response().end(now + "\n");
        } catch (NullPointerException | DateTimeParseException | IllegalArgumentException e) {
            request.response()
                    .setStatusCode(400)
                    .end(
                            "advance: an ISO-8601 duration ≥ 0, e.g. PT25H; or stop-at: an instant"
                                    + " not before the clock's, e.g. 2026-11-30T08:00:00Z\n");
        }
    }
}
