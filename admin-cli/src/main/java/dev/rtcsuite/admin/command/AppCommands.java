package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.HumanFormat;
import dev.rtcsuite.packages.v1.CreateAppRequest;
import dev.rtcsuite.packages.v1.CreateAppResponse;
import dev.rtcsuite.packages.v1.GetAppRequest;
import dev.rtcsuite.packages.v1.GetAppResponse;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Apps (SdkAppIds) in package-service. */
@Command(
        name = "app",
        description = "Create and show apps (SdkAppIds, package-service).",
        subcommands = {AppCommands.Create.class, AppCommands.Get.class})
public class AppCommands {

    @Command(
            name = "create",
            description =
                    "Create an app of an account; the registry assigns its SdkAppId. The"
                            + " account's first app grants the free trial.")
    public static class Create extends MutatingCommand {

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT_ID")
        String accountId;

        @Option(names = "--name", required = true, description = "1–128 characters")
        String name;

        @Override
        protected void execute() {
            CreateAppResponse response =
                    call(
                            Service.PACKAGE,
                            PackagesServiceGrpc::newBlockingStub,
                            packages ->
                                    packages.createApp(
                                            CreateAppRequest.newBuilder()
                                                    .setRequestId(requestId())
                                                    .setAccountId(accountId)
                                                    .setName(name)
                                                    .build()));
            output().result(response, () -> HumanFormat.format(response.getApp()));
        }
    }

    @Command(name = "get", description = "Show one app.")
    public static class Get extends AdminCommand {

        @Parameters(paramLabel = "SDK_APP_ID")
        long sdkAppId;

        @Override
        protected void execute() {
            GetAppResponse response =
                    call(
                            Service.PACKAGE,
                            PackagesServiceGrpc::newBlockingStub,
                            packages ->
                                    packages.getApp(
                                            GetAppRequest.newBuilder()
                                                    .setSdkAppId(sdkAppId)
                                                    .build()));
            output().result(response, () -> HumanFormat.format(response.getApp()));
        }
    }
}
