package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.HumanFormat;
import dev.rtcsuite.admin.output.Table;
import dev.rtcsuite.admin.output.Values;
import dev.rtcsuite.packages.v1.ApproveRefundRequest;
import dev.rtcsuite.packages.v1.ApproveRefundResponse;
import dev.rtcsuite.packages.v1.ListRefundsRequest;
import dev.rtcsuite.packages.v1.ListRefundsResponse;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.Refund;
import dev.rtcsuite.packages.v1.RefundState;
import dev.rtcsuite.packages.v1.RejectRefundRequest;
import dev.rtcsuite.packages.v1.RejectRefundResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The review of package refunds in package-service (SPEC P-7). */
@Command(
        name = "refund",
        description =
                "Review the refunds that accounts requested (`package refund`): list, approve,"
                        + " reject (package-service).",
        subcommands = {
            RefundCommands.ListRefunds.class,
            RefundCommands.Approve.class,
            RefundCommands.Reject.class
        })
public class RefundCommands {

    static final Table<Refund> TABLE =
            new Table<Refund>()
                    .column("REFUND ID", Refund::getRefundId)
                    .column("ACCOUNT ID", Refund::getAccountId)
                    .column("PACKAGE ID", Refund::getPackageId)
                    .column("STATE", r -> Values.enumValue(r.getState()))
                    .column("AMOUNT", r -> r.hasAmount() ? Values.money(r.getAmount()) : "-")
                    .column("REQUESTED", r -> Values.timestamp(r.getRequestTime()))
                    .column(
                            "REVIEW BY",
                            r ->
                                    r.hasReviewDeadlineTime()
                                            ? Values.timestamp(r.getReviewDeadlineTime())
                                            : "-");

    /** A reviewer's decision on one pending refund. */
    abstract static class Decision extends MutatingCommand {

        @Parameters(paramLabel = "REFUND_ID")
        String refundId;

        /** Recorded with the decision; by default the login name of who runs the command. */
        @Option(
                names = "--reviewer",
                paramLabel = "NAME",
                defaultValue = "${sys:user.name}",
                description = "the operator deciding (default: your login name, ${DEFAULT-VALUE})")
        String reviewer;
    }

    @Command(name = "list", description = "List refunds, newest first.")
    public static class ListRefunds extends ListCommand {

        @Option(
                names = "--account",
                paramLabel = "ACCOUNT_ID",
                description = "only this account's (default: every account's)")
        String accountId;

        @Option(
                names = "--state",
                paramLabel = "PENDING_REVIEW|APPROVED|REJECTED",
                description = "repeatable")
        List<RefundState> states = List.of();

        @Override
        protected void execute() {
            ListRefundsRequest.Builder request =
                    ListRefundsRequest.newBuilder().addAllStates(states).setPageSize(pageSize);
            if (accountId != null) {
                request.setAccountId(accountId);
            }
            ListRefundsResponse response =
                    fetch(
                            Service.PACKAGE,
                            PackagesServiceGrpc::newBlockingStub,
                            (packages, token) ->
                                    packages.listRefunds(request.setPageToken(token).build()),
                            "refunds");
            show(response, TABLE, response.getRefundsList(), "refund", response.getNextPageToken());
        }
    }

    @Command(
            name = "approve",
            description =
                    "Approve a pending refund: the conditions are re-checked as of the request"
                            + " time, the money goes back to the funds it came from and the"
                            + " package is REFUNDED.")
    public static class Approve extends Decision {

        @Override
        protected void execute() {
            ApproveRefundRequest request =
                    ApproveRefundRequest.newBuilder()
                            .setRequestId(requestId())
                            .setRefundId(refundId)
                            .setReviewer(reviewer)
                            .build();
            ApproveRefundResponse response =
                    call(
                            Service.PACKAGE,
                            PackagesServiceGrpc::newBlockingStub,
                            packages -> packages.approveRefund(request));
            output().result(response, () -> HumanFormat.format(response.getRefund()));
        }
    }

    @Command(
            name = "reject",
            description =
                    "Reject a pending refund with a reason (e.g. suspected abuse); the package"
                            + " deducts again.")
    public static class Reject extends Decision {

        @Option(
                names = "--reason",
                required = true,
                paramLabel = "TEXT",
                description = "why, 1–512 characters; the account is told")
        String reason;

        @Override
        protected void execute() {
            RejectRefundRequest request =
                    RejectRefundRequest.newBuilder()
                            .setRequestId(requestId())
                            .setRefundId(refundId)
                            .setReviewer(reviewer)
                            .setReason(reason)
                            .build();
            RejectRefundResponse response =
                    call(
                            Service.PACKAGE,
                            PackagesServiceGrpc::newBlockingStub,
                            packages -> packages.rejectRefund(request));
            output().result(response, () -> HumanFormat.format(response.getRefund()));
        }
    }
}
