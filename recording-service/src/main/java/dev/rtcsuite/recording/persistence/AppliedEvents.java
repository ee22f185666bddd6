package dev.rtcsuite.recording.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Producer event ids already applied, so a report sent twice is applied once. */
@ApplicationScoped
public class AppliedEvents {

    public enum Source {
        STREAM,
        RECORDER
    }

    private final Jdbc jdbc;

    public AppliedEvents(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the event in the caller's transaction; false when it had been applied before. */
    public boolean claim(Source source, String eventId, Instant now) {
        return jdbc.update(
                        "INSERT INTO applied_event (source, event_id, applied_time) VALUES (?, ?,"
                                + " ?) ON CONFLICT DO NOTHING",
                        source.name(),
                        eventId,
                        now)
                == 1;
    }
}
