package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.Values;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.GetServiceStatusResponse;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.ServiceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Whether an app may be served now (package-service GetServiceStatus). */
@Command(
        name = "status",
        description =
                "Show whether an app may be served now, and why (what recording and mixing check"
                        + " before new work).")
public class ServiceStatusCommand extends AdminCommand {

    @Option(names = "--app", required = true, paramLabel = "SDK_APP_ID")
    long sdkAppId;

    @Override
    protected void execute() {
        GetServiceStatusResponse response =
                call(
                        Service.PACKAGE,
                        PackagesServiceGrpc::newBlockingStub,
                        packages ->
                                packages.getServiceStatus(
                                        GetServiceStatusRequest.newBuilder()
                                                .setSdkAppId(sdkAppId)
                                                .build()));
        output().result(response, () -> human(response.getStatus()));
    }

    /** as_of_time is left to --json: it is simply "now". */
    static String human(ServiceStatus status) {
        StringBuilder text =
                new StringBuilder()
                        .append("app ")
                        .append(status.getSdkAppId())
                        .append(status.getInService() ? ": in service\n" : ": NOT in service\n")
                        .append("account: ")
                        .append(status.getAccountId())
                        .append(" (")
                        .append(Values.enumValue(status.getAccountStatus()))
                        .append(")\n")
                        .append("app state: ")
                        .append(Values.enumValue(status.getAppState()))
                        .append('\n')
                        .append("reason: ")
                        .append(Values.enumValue(status.getReason()))
                        .append('\n');
        if (status.hasGraceEndTime()) {
            text.append("grace ends: ")
                    .append(Values.timestamp(status.getGraceEndTime()))
                    .append('\n');
        }
        return text.toString();
    }
}
