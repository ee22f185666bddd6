package dev.rtcsuite.mixing.domain.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A call to make to recording-service about a session's mixed recording, in order with the
 * session's other such calls.
 *
 * @param inputs UPDATE_INPUTS: the complete new list of mixed streams
 * @param changeTime UPDATE_INPUTS: when the layout changed (charging switches then)
 * @param stopReason STOP: why the session ended
 */
public record RecordingCommand(
        Kind kind,
        String taskId,
        List<RecordingInput> inputs,
        Instant changeTime,
        Optional<EndReason> stopReason) {

    /** What to do. */
    public enum Kind {
        UPDATE_INPUTS,
        STOP
    }

    public RecordingCommand {
        inputs = List.copyOf(inputs);
    }

    public static RecordingCommand updateInputs(
            String taskId, List<RecordingInput> inputs, Instant changeTime) {
        return new RecordingCommand(
                Kind.UPDATE_INPUTS, taskId, inputs, changeTime, Optional.empty());
    }

    public static RecordingCommand stop(String taskId, EndReason reason, Instant at) {
        return new RecordingCommand(Kind.STOP, taskId, List.of(), at, Optional.of(reason));
    }
}
