package dev.rtcsuite.platform.time;

import dev.rtcsuite.platform.security.AccessInterceptor;
import dev.rtcsuite.platform.security.Role;
import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * {@code POST /rtcsuite/test-clock?advance=PT25H} moves the service's {@link MovableClock} and
 * answers the new time. Only in builds made with {@code rtcsuite.test-hooks=true}; an ADMIN token
 * is required whenever callers are authenticated.
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
        router.post("/rtcsuite/test-clock").blockingHandler(this::advance);
    }

    private void advance(RoutingContext request) {
        if (!access.admits(request.request().getHeader("authorization"), Role.ADMIN)) {
            request.response().setStatusCode(403).end("an ADMIN access token is required\n");
            return;
        }
        try {
            Duration by = Duration.parse(request.queryParams().get("advance"));
            request.response().end(clock.advance(by) + "\n");
        } catch (NullPointerException | DateTimeParseException | IllegalArgumentException e) {
            request.response()
                    .setStatusCode(400)
                    .end("advance: an ISO-8601 duration ≥ 0, e.g. PT25H or P1D\n");
        }
    }
}
