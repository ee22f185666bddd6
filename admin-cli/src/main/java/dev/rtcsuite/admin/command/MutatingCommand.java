package dev.rtcsuite.admin.command;

import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Option;

/**
 * A command that changes something. It sends a request id (a new UUID unless given), so repeating
 * the command with the same --request-id after a timeout returns the first answer instead of doing
 * the work twice (proto/README.md, idempotency).
 */
public abstract class MutatingCommand extends AdminCommand {

    @Option(
            names = "--request-id",
            paramLabel = "ID",
            description =
                    "idempotency key, 1–64 of A–Z a–z 0–9 . _ : - (default: a new UUID); repeat"
                            + " a call with the same id to retry it safely")
    private String requestId;

    protected String requestId() {
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
        }
        return requestId;
    }

    @Override
    protected Optional<String> sentRequestId() {
        return Optional.ofNullable(requestId);
    }
}
