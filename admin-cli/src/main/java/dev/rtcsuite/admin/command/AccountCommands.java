package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.HumanFormat;
import dev.rtcsuite.packages.v1.CreateAccountRequest;
import dev.rtcsuite.packages.v1.CreateAccountResponse;
import dev.rtcsuite.packages.v1.GetAccountRequest;
import dev.rtcsuite.packages.v1.GetAccountResponse;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Accounts in package-service. */
@Command(
        name = "account",
        description = "Create and show accounts (package-service).",
        subcommands = {AccountCommands.Create.class, AccountCommands.Get.class})
public class AccountCommands {

    @Command(
            name = "create",
            description =
                    "Create an account (ACTIVE, postpaid off, settled daily); its first app"
                            + " brings the free trial.")
    public static class Create extends MutatingCommand {

        @Option(names = "--name", required = true, description = "display name, 1–128 characters")
        String name;

        @Option(
                names = "--time-zone",
                paramLabel = "ZONE",
                defaultValue = "",
                description = "IANA billing time zone (default Asia/Shanghai)")
        String timeZone;

        @Option(
                names = "--trial-policy",
                required = true,
                paramLabel = "STOP|CONTINUE",
                description = "when the free trial runs out: STOP service, or CONTINUE postpaid")
        TrialExhaustionPolicy trialPolicy;

        @Override
        protected void execute() {
            CreateAccountResponse response =
                    call(
                            Service.PACKAGE,
                            PackagesServiceGrpc::newBlockingStub,
                            packages ->
                                    packages.createAccount(
                                            CreateAccountRequest.newBuilder()
                                                    .setRequestId(requestId())
                                                    .setDisplayName(name)
                                                    .setBillingTimeZone(timeZone)
                                                    .setTrialExhaustionPolicy(trialPolicy)
                                                    .build()));
            output().result(response, () -> HumanFormat.format(response.getAccount()));
        }
    }

    @Command(name = "get", description = "Show one account.")
    public static class Get extends AdminCommand {

        @Parameters(paramLabel = "ACCOUNT_ID")
        String accountId;

        @Override
        protected void execute() {
            GetAccountResponse response =
                    call(
                            Service.PACKAGE,
                            PackagesServiceGrpc::newBlockingStub,
                            packages ->
                                    packages.getAccount(
                                            GetAccountRequest.newBuilder()
                                                    .setAccountId(accountId)
                                                    .build()));
            output().result(response, () -> HumanFormat.format(response.getAccount()));
        }
    }
}
