package dev.rtcsuite.admin.command;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.ErrorReport;
import dev.rtcsuite.admin.output.Table;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** The four services' standard gRPC health (grpc.health.v1) for their v1 API. */
@Command(
        name = "health",
        description =
                "Check that each of the four services serves its v1 API (grpc.health.v1); exit"
                        + " status 1 if any does not.")
public class HealthCommand extends AdminCommand {

    static final Map<Service, String> V1_APIS =
            Map.of(
                    Service.RECORDING, "rtcsuite.recording.v1.RecordingService",
                    Service.MIXING, "rtcsuite.mixing.v1.MixingService",
                    Service.RATING, "rtcsuite.rating.v1.RatingService",
                    Service.PACKAGE, "rtcsuite.packages.v1.PackagesService");

    record Row(Service service, String target, String status) {}

    private static final Table<Row> TABLE =
            new Table<Row>()
                    .column("SERVICE", row -> row.service().displayName())
                    .column("TARGET", Row::target)
                    .column("STATUS", Row::status);

    @Override
    protected void execute() {
        List<Row> rows = new ArrayList<>();
        for (Service service : Service.values()) {
            String target = cli().channels().target(service);
            output().progress("checking " + service.displayName() + " at " + target + "…");
            rows.add(new Row(service, target, check(service)));
        }
        Struct.Builder json = Struct.newBuilder();
        rows.forEach(
                row ->
                        json.putFields(
                                row.service().displayName(),
                                Value.newBuilder().setStringValue(row.status()).build()));
        output().result(json, () -> TABLE.format(rows));
        if (rows.stream().anyMatch(row -> !row.status().equals("SERVING"))) {
            failed();
        }
    }

    private String check(Service service) {
        try {
            return call(
                            service,
                            HealthGrpc::newBlockingStub,
                            health ->
                                    health.check(
                                            HealthCheckRequest.newBuilder()
                                                    .setService(V1_APIS.get(service))
                                                    .build()))
                    .getStatus()
                    .name();
        } catch (CallFailed failure) {
            ErrorReport report = failure.report;
            return report.code() + ": " + report.status().getMessage();
        }
    }
}
