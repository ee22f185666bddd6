package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.HumanFormat;
import dev.rtcsuite.admin.output.Table;
import dev.rtcsuite.admin.output.Values;
import dev.rtcsuite.admin.parse.Inputs;
import dev.rtcsuite.packages.v1.FixedPackageSize;
import dev.rtcsuite.packages.v1.ListPackagesRequest;
import dev.rtcsuite.packages.v1.ListPackagesResponse;
import dev.rtcsuite.packages.v1.PackageState;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.PrepaidPackage;
import dev.rtcsuite.packages.v1.PurchasePackageRequest;
import dev.rtcsuite.packages.v1.PurchasePackageResponse;
import dev.rtcsuite.packages.v1.RequestRefundRequest;
import dev.rtcsuite.packages.v1.RequestRefundResponse;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prepaid packages in package-service. */
@Command(
        name = "package",
        description = "Buy, list and refund prepaid packages (package-service).",
        subcommands = {
            PackageCommands.Buy.class,
            PackageCommands.ListPackages.class,
            PackageCommands.Refund.class
        })
public class PackageCommands {

    static final Table<PrepaidPackage> TABLE =
            new Table<PrepaidPackage>()
                    .column("PACKAGE ID", PrepaidPackage::getPackageId)
                    .column("KIND", p -> Values.enumValue(p.getKind()))
                    .column("STATE", p -> Values.enumValue(p.getState()))
                    .column(
                            "REMAINING",
                            p -> p.getRemainingMinutes() + "/" + p.getTotalMinutes() + " min")
                    .column("PRICE", p -> p.hasPrice() ? Values.money(p.getPrice()) : "-")
                    .column("LAST VALID DAY", p -> Values.date(p.getLastValidDay()))
                    .column("REFUNDABLE", p -> p.getRefundable() ? "yes" : "no");

    @Command(
            name = "buy",
            description =
                    "Buy a package paid from the account's CNY balance; it activates after the"
                            + " activation delay.")
    public static class Buy extends MutatingCommand {

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT_ID")
        String accountId;

        static class Size {
            @Option(
                    names = "--size",
                    paramLabel = "25K|250K|1000K|3000K",
                    description = "fixed size")
            FixedPackageSize fixed;

            @Option(
                    names = "--minutes",
                    paramLabel = "N",
                    description = "custom size, 1–100,000,000")
            Long minutes;

            @Option(names = "--offer", paramLabel = "OFFER_ID")
            String offerId;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Size size;

        @Option(
                names = "--voucher",
                paramLabel = "AMOUNT",
                description = "part of the price covered outside rtcsuite, CNY (never refunded)")
        String voucher;

        @Override
        protected void execute() {
            PurchasePackageRequest.Builder request =
                    PurchasePackageRequest.newBuilder()
                            .setRequestId(requestId())
                            .setAccountId(accountId);
            if (size.fixed != null) {
                request.setFixedSize(size.fixed);
            } else if (size.minutes != null) {
                request.setCustomMinutes(size.minutes);
            } else {
                request.setOfferId(size.offerId);
            }
            if (voucher != null) {
                try {
                    request.setVoucherAmount(Inputs.money(voucher, "CNY"));
                } catch (IllegalArgumentException e) {
                    throw usage("--voucher: " + e.getMessage());
                }
            }
            PurchasePackageResponse response =
                    call(
                            Service.PACKAGE,
                            PackagesServiceGrpc::newBlockingStub,
                            packages -> packages.purchasePackage(request.build()));
            output().result(response, () -> HumanFormat.format(response.getPrepaidPackage()));
        }
    }

    @Command(name = "list", description = "List an account's packages in deduction order.")
    public static class ListPackages extends ListCommand {

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT_ID")
        String accountId;

        @Option(names = "--state", paramLabel = "STATE", description = "repeatable")
        List<PackageState> states = List.of();

        @Override
        protected void execute() {
            ListPackagesRequest.Builder request =
                    ListPackagesRequest.newBuilder()
                            .setAccountId(accountId)
                            .addAllStates(states)
                            .setPageSize(pageSize);
            ListPackagesResponse response =
                    fetch(
                            Service.PACKAGE,
                            PackagesServiceGrpc::newBlockingStub,
                            (packages, token) ->
                                    packages.listPackages(request.setPageToken(token).build()),
                            "packages");
            show(
                    response,
                    TABLE,
                    response.getPrepaidPackagesList(),
                    "package",
                    response.getNextPageToken());
        }
    }

    @Command(
            name = "refund",
            description =
                    "Request the no-reason refund of a purchased package (reviewed by an"
                            + " operator).")
    public static class Refund extends MutatingCommand {

        @Parameters(paramLabel = "PACKAGE_ID")
        String packageId;

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "")
        String reason;

        @Override
        protected void execute() {
            RequestRefundResponse response =
                    call(
                            Service.PACKAGE,
                            PackagesServiceGrpc::newBlockingStub,
                            packages ->
                                    packages.requestRefund(
                                            RequestRefundRequest.newBuilder()
                                                    .setRequestId(requestId())
                                                    .setPackageId(packageId)
                                                    .setReason(reason)
                                                    .build()));
            output().result(response, () -> HumanFormat.format(response.getRefund()));
        }
    }
}
