package dev.rtcsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.rpc.BadRequest;
import dev.rtcsuite.mixing.v1.MixingServiceGrpc;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.suite.fuzz.FuzzCorpus;
import dev.rtcsuite.suite.fuzz.FuzzCorpus.FuzzCase;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoFileDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue #9, bad input: a generated corpus of more than 10,000 malformed or extreme requests across
 * every RPC of the four services, sent as the admin (who may call everything). Every answer must be
 * a precise client error — INVALID_ARGUMENT naming a field, or NOT_FOUND / FAILED_PRECONDITION /
 * OUT_OF_RANGE — never INTERNAL, UNKNOWN or a success; and no database changes at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzCorpusTest {

    private static final int CORPUS_SIZE = 10_000;
    private static final String DATABASES = "fuzz";
    private static final Set<Status.Code> CLIENT_ERRORS =
            EnumSet.of(
                    Status.Code.INVALID_ARGUMENT,
                    Status.Code.NOT_FOUND,
                    Status.Code.FAILED_PRECONDITION,
                    Status.Code.OUT_OF_RANGE);

    private static final Map<String, ServiceDescriptor> SERVICES =
            Map.of(
                    "recording", descriptor(RecordingServiceGrpc.getServiceDescriptor()),
                    "mixing", descriptor(MixingServiceGrpc.getServiceDescriptor()),
                    "rating", descriptor(RatingServiceGrpc.getServiceDescriptor()),
                    "package", descriptor(PackagesServiceGrpc.getServiceDescriptor()));

    private RunningSuite suite;

    @BeforeAll
    void startTheSuite() throws Exception {
        // Databases of its own: no other test's leftovers for background jobs to work on, so any
        // change in them is the corpus's doing.
        suite = RunningSuite.start("fuzz", DATABASES);
    }

    @AfterAll
    void stopTheSuite() throws Exception {
        suite.close();
    }

    @Test
    void everyMalformedRequestIsRefusedPreciselyAndWritesNothing() throws Exception {
        Map<String, String> before = databaseDigests();
        Map<String, List<String>> wrong = new TreeMap<>();
        int sent = 0;
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<String>> answers = new ArrayList<>();
            int perService = CORPUS_SIZE / SERVICES.size();
            for (var service : SERVICES.entrySet()) {
                Channel channel = suite.channel(service.getKey());
                for (FuzzCase fuzzCase :
                        new FuzzCorpus(service.getKey().hashCode())
                                .cases(List.of(service.getValue()), perService)) {
                    answers.add(callers.submit(() -> judge(channel, fuzzCase)));
                }
            }
            for (Future<String> answer : answers) {
                sent++;
                String verdict = answer.get();
                if (verdict != null) {
                    wrong.computeIfAbsent(
                                    verdict.substring(0, verdict.indexOf(' ')),
                                    k -> new ArrayList<>())
                            .add(verdict);
                }
            }
        }

        assertThat(sent).isGreaterThanOrEqualTo(10_000);
        assertThat(summary(wrong)).as("answers that are not a precise client error").isEmpty();
        assertThat(databaseDigests()).as("the databases after the corpus").isEqualTo(before);
    }

    /** Null when the answer is a precise client error; else what was wrong, method first. */
    private static String judge(Channel channel, FuzzCase fuzzCase) {
        Status status = call(channel, fuzzCase);
        String name = fuzzCase.method().getService().getName() + "/" + fuzzCase.method().getName();
        String what = name + " " + fuzzCase.defect() + " at " + fuzzCase.where() + " → ";
        if (status.isOk()) {
            return what + "OK";
        }
        if (!CLIENT_ERRORS.contains(status.getCode())) {
            return what + status.getCode() + ": " + abbreviate(status.getDescription());
        }
        if (status.getCode() == Status.Code.INVALID_ARGUMENT) {
            BadRequest badRequest = badRequest(status);
            if (badRequest == null
                    || badRequest.getFieldViolationsList().stream()
                            .anyMatch(v -> v.getField().isBlank())) {
                return what
                        + "INVALID_ARGUMENT without a field violation naming the field: "
                        + abbreviate(status.getDescription());
            }
        }
        return null;
    }

    private static Status call(Channel channel, FuzzCase fuzzCase) {
        MethodDescriptor method = fuzzCase.method();
        var grpcMethod = grpcMethod(method);
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
        try {
            switch (grpcMethod.getType()) {
                case UNARY ->
                        ClientCalls.blockingUnaryCall(
                                channel, grpcMethod, options, fuzzCase.request());
                case SERVER_STREAMING -> {
                    // A watch answers at once with a snapshot or an error; a malformed one must not
                    // open.
                    ClientCall<DynamicMessage, DynamicMessage> call =
                            channel.newCall(grpcMethod, options);
                    Iterator<DynamicMessage> answers =
                            ClientCalls.blockingServerStreamingCall(call, fuzzCase.request());
                    answers.hasNext();
                    call.cancel("fuzz case done", null);
                }
                default -> {
                    CompletableFuture<Status> done = new CompletableFuture<>();
                    StreamObserver<DynamicMessage> requests =
                            ClientCalls.asyncClientStreamingCall(
                                    channel.newCall(grpcMethod, options),
                                    new StreamObserver<>() {
                                        @Override
                                        public void onNext(DynamicMessage value) {}

                                        @Override
                                        public void onError(Throwable t) {
                                            done.complete(Status.fromThrowable(t));
                                        }

                                        @Override
                                        public void onCompleted() {
                                            done.complete(Status.OK);
                                        }
                                    });
                    requests.onNext(fuzzCase.request());
                    requests.onCompleted();
                    return done.get(15, TimeUnit.SECONDS);
                }
            }
            return Status.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().withCause(e);
        } catch (Exception e) {
            return Status.fromThrowable(e);
        }
    }

    private static io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod(
            MethodDescriptor method) {
        MethodType type =
                method.isClientStreaming()
                        ? MethodType.CLIENT_STREAMING
                        : method.isServerStreaming()
                                ? MethodType.SERVER_STREAMING
                                : MethodType.UNARY;
        return io.grpc.MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                .setType(type)
                .setFullMethodName(
                        io.grpc.MethodDescriptor.generateFullMethodName(
                                method.getService().getFullName(), method.getName()))
                .setRequestMarshaller(
                        ProtoUtils.marshaller(
                                DynamicMessage.getDefaultInstance(method.getInputType())))
                .setResponseMarshaller(
                        ProtoUtils.marshaller(
                                DynamicMessage.getDefaultInstance(method.getOutputType())))
                .build();
    }

    private static BadRequest badRequest(Status status) {
        com.google.rpc.Status details =
                StatusProto.fromThrowable(status.asRuntimeException(trailers(status)));
        if (details == null) {
            return null;
        }
        return details.getDetailsList().stream()
                .filter(any -> any.is(BadRequest.class))
                .findFirst()
                .map(
                        any -> {
                            try {
                                return any.unpack(BadRequest.class);
                            } catch (Exception e) {
                                return null;
                            }
                        })
                .orElse(null);
    }

    private static io.grpc.Metadata trailers(Status status) {
        return status.getCause() instanceof StatusRuntimeException e ? e.getTrailers() : null;
    }

    /**
     * Jobs the clock schedules and runs whatever the requests (recording's 5-minute usage flush,
     * hourly sweeps): a corpus that takes minutes on a loaded machine crosses their slots.
     */
    private static final String CLOCK_DRIVEN_JOBS_LEFT_OUT =
            " WHERE kind NOT IN ('recording.usage-flush', 'recording.retention-sweep',"
                    + " 'recording.storage-sweep')";

    /** Per table of each service's database: row count and a digest of every row. */
    private Map<String, String> databaseDigests() throws SQLException {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String area : RunningSuite.AREAS) {
            String database = RunningSuite.testDatabase(RunningSuite.database(area), DATABASES);
            try (Connection connection =
                            DriverManager.getConnection(
                                    "jdbc:postgresql://127.0.0.1:5432/" + database,
                                    "rtcsuite",
                                    "rtcsuite");
                    ResultSet tables =
                            connection
                                    .createStatement()
                                    .executeQuery(
                                            "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables"
                                                    + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
                                                    + " ORDER BY 1")) {
                List<String> names = new ArrayList<>();
                while (tables.next()) {
                    names.add(tables.getString(1));
                }
                for (String table : names) {
                    try (ResultSet digest =
                            connection
                                    .createStatement()
                                    .executeQuery(
                                            "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')"
                                                    + " FROM "
                                                    + table
                                                    + " t"
                                                    + (table.equals("public.durable_job")
                                                            ? CLOCK_DRIVEN_JOBS_LEFT_OUT
                                                            : ""))) {
                        digest.next();
                        digests.put(database + "/" + table, digest.getString(1));
                    }
                }
            }
        }
        return digests;
    }

    private static String summary(Map<String, List<String>> wrong) {
        return wrong.values().stream()
                .map(list -> list.size() + "× e.g. " + list.get(0))
                .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static ServiceDescriptor descriptor(io.grpc.ServiceDescriptor service) {
        var supplier = (ProtoFileDescriptorSupplier) service.getSchemaDescriptor();
        String name = service.getName();
        return supplier.getFileDescriptor()
                .findServiceByName(name.substring(name.lastIndexOf('.') + 1));
    }
}
