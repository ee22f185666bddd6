package dev.rtcsuite.admin.testing;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import com.google.type.Money;
import dev.rtcsuite.packages.v1.Account;
import dev.rtcsuite.packages.v1.AccountStatus;
import dev.rtcsuite.packages.v1.ServiceStatusReason;
import dev.rtcsuite.packages.v1.SettlementCycle;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Messages and errors shaped as the services produce them (platform's GrpcErrors). */
public final class Fixtures {

    public static final String ACCOUNT_ID = "6f1c2d3e-0000-4000-8000-00000000a001";

    private Fixtures() {}

    public static Timestamp at(String instant) {
        Instant parsed = Instant.parse(instant);
        return Timestamp.newBuilder()
                .setSeconds(parsed.getEpochSecond())
                .setNanos(parsed.getNano())
                .build();
    }

    public static Money money(long units, int nanos, String currency) {
        return Money.newBuilder().setUnits(units).setNanos(nanos).setCurrencyCode(currency).build();
    }

    public static Account account() {
        return Account.newBuilder()
                .setAccountId(ACCOUNT_ID)
                .setDisplayName("Acme Classroom")
                .setBillingTimeZone("Asia/Shanghai")
                .setTrialExhaustionPolicy(TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP)
                .setStatus(AccountStatus.ACCOUNT_STATUS_ACTIVE)
                .setCreateTime(at("2026-11-30T06:00:00Z"))
                .setUpdateTime(at("2026-11-30T06:00:00Z"))
                .setSettlementCycle(SettlementCycle.SETTLEMENT_CYCLE_DAILY)
                .setStatusReason(ServiceStatusReason.SERVICE_STATUS_REASON_NONE)
                .build();
    }

    /**
     * A validation failure as platform's ServiceException.invalid makes it: INVALID_ARGUMENT,
     * ErrorInfo VALIDATION_FAILED with the fields, a BadRequest naming each field.
     */
    public static StatusRuntimeException invalid(String domain, String... fieldsAndDescriptions) {
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        List<String> fields = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fieldsAndDescriptions.length; i += 2) {
            badRequest.addFieldViolations(
                    BadRequest.FieldViolation.newBuilder()
                            .setField(fieldsAndDescriptions[i])
                            .setDescription(fieldsAndDescriptions[i + 1]));
            fields.add(fieldsAndDescriptions[i]);
            parts.add(fieldsAndDescriptions[i] + " " + fieldsAndDescriptions[i + 1]);
        }
        String message = "The request has invalid fields: " + String.join("; ", parts);
        return StatusProto.toStatusRuntimeException(
                Status.newBuilder()
                        .setCode(Code.INVALID_ARGUMENT_VALUE)
                        .setMessage(message)
                        .addDetails(
                                Any.pack(
                                        ErrorInfo.newBuilder()
                                                .setReason("VALIDATION_FAILED")
                                                .setDomain(domain)
                                                .putMetadata("fields", String.join(",", fields))
                                                .putMetadata(
                                                        "violationCount",
                                                        Integer.toString(fields.size()))
                                                .build()))
                        .addDetails(Any.pack(badRequest.build()))
                        .build());
    }

    public static StatusRuntimeException failure(
            Code code, String reason, String domain, String message, String... metadata) {
        ErrorInfo.Builder info = ErrorInfo.newBuilder().setReason(reason).setDomain(domain);
        for (int i = 0; i < metadata.length; i += 2) {
            info.putMetadata(metadata[i], metadata[i + 1]);
        }
        return StatusProto.toStatusRuntimeException(
                Status.newBuilder()
                        .setCode(code.getNumber())
                        .setMessage(message)
                        .addDetails(Any.pack(info.build()))
                        .build());
    }
}
