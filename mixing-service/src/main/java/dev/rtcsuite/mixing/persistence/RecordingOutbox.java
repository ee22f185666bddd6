package dev.rtcsuite.mixing.persistence;

import dev.rtcsuite.mixing.domain.session.RecordingCommand;
import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The recording_command outbox: calls to recording-service per session, in order. */
@ApplicationScoped
public class RecordingOutbox {

    /** A command not yet delivered, with its place in the session's order. */
    public record Pending(String sessionId, long seq, RecordingCommand command) {}

    private final Jdbc jdbc;

    public RecordingOutbox(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String sessionId, RecordingCommand command, Instant now) {
        jdbc.update(
                "INSERT INTO recording_command (session_id, seq, kind, task_id, payload,"
                        + " created_time) SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, CAST(? AS"
                        + " jsonb), ? FROM recording_command WHERE session_id = ?",
                sessionId,
                command.kind().name(),
                command.taskId(),
                Documents.write(command),
                now,
                sessionId);
    }

    public List<Pending> undelivered(String sessionId) {
        return jdbc.query(
                "SELECT session_id, seq, payload FROM recording_command WHERE session_id = ? AND"
                        + " delivered_time IS NULL ORDER BY seq",
                row ->
                        new Pending(
                                row.getString(1),
                                row.getLong(2),
                                Documents.read(row.getString(3), RecordingCommand.class)),
                sessionId);
    }

    public void delivered(String sessionId, long seq, Instant now) {
        jdbc.update(
                "UPDATE recording_command SET delivered_time = ? WHERE session_id = ? AND seq = ?",
                now,
                sessionId,
                seq);
    }
}
