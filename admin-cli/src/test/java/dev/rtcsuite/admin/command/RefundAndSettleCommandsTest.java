package dev.rtcsuite.admin.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import com.google.type.Date;
import com.google.type.Decimal;
import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.testing.Cli;
import dev.rtcsuite.admin.testing.Cli.Run;
import dev.rtcsuite.admin.testing.Fixtures;
import dev.rtcsuite.admin.testing.InProcessServices;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.packages.v1.ApproveRefundRequest;
import dev.rtcsuite.packages.v1.ApproveRefundResponse;
import dev.rtcsuite.packages.v1.ListRefundsRequest;
import dev.rtcsuite.packages.v1.ListRefundsResponse;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.Refund;
import dev.rtcsuite.packages.v1.RefundState;
import dev.rtcsuite.packages.v1.RejectRefundRequest;
import dev.rtcsuite.packages.v1.RejectRefundResponse;
import dev.rtcsuite.packages.v1.SettleDayRequest;
import dev.rtcsuite.packages.v1.SettleDayResponse;
import dev.rtcsuite.packages.v1.Statement;
import dev.rtcsuite.packages.v1.StatementKind;
import dev.rtcsuite.packages.v1.StatementLine;
import dev.rtcsuite.packages.v1.StatementState;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** refund list/approve/reject and settle: what they send and how they show the answers. */
class RefundAndSettleCommandsTest {

    private static final String REFUND_ID = "7a1c2d3e-0000-4000-8000-00000000b001";
    private static final String PACKAGE_ID = "8b1c2d3e-0000-4000-8000-00000000c001";

    private final List<com.google.protobuf.Message> sent = new ArrayList<>();
    private final InProcessServices services =
            new InProcessServices()
                    .serve(
                            Service.PACKAGE,
                            new PackagesServiceGrpc.PackagesServiceImplBase() {
                                @Override
                                public void approveRefund(
                                        ApproveRefundRequest request,
                                        StreamObserver<ApproveRefundResponse> answer) {
                                    sent.add(request);
                                    answer.onNext(
                                            ApproveRefundResponse.newBuilder()
                                                    .setRefund(
                                                            refund(
                                                                            RefundState
                                                                                    .REFUND_STATE_APPROVED)
                                                                    .setReviewer(
                                                                            request.getReviewer())
                                                                    .setDecideTime(
                                                                            Fixtures.at(
                                                                                    "2026-12-01T02:00:00Z")))
                                                    .build());
                                    answer.onCompleted();
                                }

                                @Override
                                public void rejectRefund(
                                        RejectRefundRequest request,
                                        StreamObserver<RejectRefundResponse> answer) {
                                    sent.add(request);
                                    answer.onError(
                                            Fixtures.failure(
                                                    Code.FAILED_PRECONDITION,
                                                    "REFUND_ALREADY_DECIDED",
                                                    "packages.rtcsuite.dev",
                                                    "Refund " + REFUND_ID + " is APPROVED.",
                                                    "refundId",
                                                    REFUND_ID));
                                }

                                @Override
                                public void listRefunds(
                                        ListRefundsRequest request,
                                        StreamObserver<ListRefundsResponse> answer) {
                                    sent.add(request);
                                    answer.onNext(
                                            ListRefundsResponse.newBuilder()
                                                    .addRefunds(
                                                            refund(
                                                                    RefundState
                                                                            .REFUND_STATE_PENDING_REVIEW))
                                                    .build());
                                    answer.onCompleted();
                                }

                                @Override
                                public void settleDay(
                                        SettleDayRequest request,
                                        StreamObserver<SettleDayResponse> answer) {
                                    sent.add(request);
                                    SettleDayResponse.Builder response =
                                            SettleDayResponse.newBuilder();
                                    if (request.getAccountId().isEmpty()) {
                                        response.setSettledAccountCount(3);
                                    } else {
                                        response.addStatements(statement())
                                                .setSettledAccountCount(1);
                                    }
                                    answer.onNext(response.build());
                                    answer.onCompleted();
                                }
                            });

    @AfterEach
    void stop() throws InterruptedException {
        services.shutdown();
    }

    @Test
    void approveSendsTheReviewerAndShowsTheDecidedRefund() {
        Run run = Cli.run(services, "refund", "approve", REFUND_ID, "--reviewer", "ops-lin");

        assertThat(run.exitCode()).as(run.err()).isZero();
        ApproveRefundRequest request = (ApproveRefundRequest) sent.get(0);
        assertThat(request.getRefundId()).isEqualTo(REFUND_ID);
        assertThat(request.getReviewer()).isEqualTo("ops-lin");
        assertThat(request.getRequestId()).isNotEmpty();
        assertThat(run.out())
                .isEqualTo(
                        """
                        refund_id: %s
                        account_id: %s
                        package_id: %s
                        state: APPROVED
                        reason: bought by mistake
                        amount: 168.00 CNY
                        request_time: 2026-11-30T06:00:00Z
                        review_deadline_time: 2026-12-02T06:00:00Z
                        decide_time: 2026-12-01T02:00:00Z
                        reviewer: ops-lin
                        """
                                .formatted(REFUND_ID, Fixtures.ACCOUNT_ID, PACKAGE_ID));
    }

    @Test
    void theReviewerIsTheLoginNameUnlessGiven() {
        Cli.run(services, "refund", "approve", REFUND_ID);

        assertThat(((ApproveRefundRequest) sent.get(0)).getReviewer())
                .isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void rejectNeedsAReasonAndShowsWhyTheServiceRefused() {
        Run withoutReason = Cli.run(services, "refund", "reject", REFUND_ID);
        Run refused =
                Cli.run(
                        services,
                        "refund",
                        "reject",
                        REFUND_ID,
                        "--reason",
                        "suspected abuse",
                        "--reviewer",
                        "ops-lin",
                        "--request-id",
                        "reject-1");

        assertThat(withoutReason.exitCode()).isEqualTo(2);
        assertThat(withoutReason.err()).contains("Missing required option: '--reason=TEXT'");
        assertThat(refused.exitCode()).isEqualTo(1);
        RejectRefundRequest request = (RejectRefundRequest) sent.get(0);
        assertThat(request.getReason()).isEqualTo("suspected abuse");
        assertThat(request.getRequestId()).isEqualTo("reject-1");
        assertThat(refused.err())
                .startsWith(
                        "error: package-service (in-process:package) answered"
                                + " FAILED_PRECONDITION: Refund "
                                + REFUND_ID
                                + " is APPROVED.\n"
                                + "  reason: REFUND_ALREADY_DECIDED (packages.rtcsuite.dev)\n");
    }

    @Test
    void listShowsThePendingRefundsAsATable() {
        Run run = Cli.run(services, "refund", "list", "--state", "pending_review");

        assertThat(((ListRefundsRequest) sent.get(0)).getStatesList())
                .containsExactly(RefundState.REFUND_STATE_PENDING_REVIEW);
        assertThat(((ListRefundsRequest) sent.get(0)).getAccountId()).isEmpty();
        String row = "%-38s%-38s%-38s%-16s%-12s%-22s%s\n";
        assertThat(run.out())
                .isEqualTo(
                        row.formatted(
                                        "REFUND ID",
                                        "ACCOUNT ID",
                                        "PACKAGE ID",
                                        "STATE",
                                        "AMOUNT",
                                        "REQUESTED",
                                        "REVIEW BY")
                                + row.formatted(
                                        REFUND_ID,
                                        Fixtures.ACCOUNT_ID,
                                        PACKAGE_ID,
                                        "PENDING_REVIEW",
                                        "168.00 CNY",
                                        "2026-11-30T06:00:00Z",
                                        "2026-12-02T06:00:00Z")
                                + "1 refund\n");
    }

    @Test
    void settlingOneAccountShowsItsStatement() {
        Run run =
                Cli.run(
                        services,
                        "settle",
                        "--day",
                        "2026-11-29",
                        "--account",
                        Fixtures.ACCOUNT_ID);

        assertThat(run.exitCode()).as(run.err()).isZero();
        SettleDayRequest request = (SettleDayRequest) sent.get(0);
        assertThat(request.getBillingDay())
                .isEqualTo(Date.newBuilder().setYear(2026).setMonth(11).setDay(29).build());
        assertThat(request.getAccountId()).isEqualTo(Fixtures.ACCOUNT_ID);
        assertThat(run.out())
                .isEqualTo(
                        """
                        DAILY statement 9c1c2d3e-0000-4000-8000-00000000d001 of account %s, \
                        2026-11-29, SETTLED
                        APP         ITEM                     TIER  QUANTITY  AMOUNT    ROUNDED
                        1400000001  RECORDING_SINGLE_STREAM  FHD   100       3.10 CNY  3.10 CNY
                        total: 3.10 CNY, charged: 3.10 CNY, balance after: -3.10 CNY \
                        (arrears started)
                        """
                                .formatted(Fixtures.ACCOUNT_ID));
    }

    @Test
    void settlingEveryAccountCountsThem() {
        Run run = Cli.run(services, "settle", "--day", "2026-11-29");

        assertThat(((SettleDayRequest) sent.get(0)).getAccountId()).isEmpty();
        assertThat(run.out())
                .isEqualTo(
                        "settled 3 accounts for 2026-11-29 (accounts settled before are not"
                                + " counted)\n");
    }

    private static Refund.Builder refund(RefundState state) {
        return Refund.newBuilder()
                .setRefundId(REFUND_ID)
                .setAccountId(Fixtures.ACCOUNT_ID)
                .setPackageId(PACKAGE_ID)
                .setState(state)
                .setReason("bought by mistake")
                .setAmount(Fixtures.money(168, 0, "CNY"))
                .setRequestTime(Fixtures.at("2026-11-30T06:00:00Z"))
                .setReviewDeadlineTime(Fixtures.at("2026-12-02T06:00:00Z"));
    }

    private static Statement statement() {
        return Statement.newBuilder()
                .setStatementId("9c1c2d3e-0000-4000-8000-00000000d001")
                .setAccountId(Fixtures.ACCOUNT_ID)
                .setKind(StatementKind.STATEMENT_KIND_DAILY)
                .setStartDay(Date.newBuilder().setYear(2026).setMonth(11).setDay(29))
                .setEndDay(Date.newBuilder().setYear(2026).setMonth(11).setDay(29))
                .setState(StatementState.STATEMENT_STATE_SETTLED)
                .addLines(
                        StatementLine.newBuilder()
                                .setSdkAppId(1_400_000_001L)
                                .setItem(BillableItem.BILLABLE_ITEM_RECORDING_SINGLE_STREAM)
                                .setTier(ResolutionTier.RESOLUTION_TIER_FHD)
                                .setQuantity(Decimal.newBuilder().setValue("100"))
                                .setAmount(Fixtures.money(3, 100_000_000, "CNY"))
                                .setRoundedAmount(Fixtures.money(3, 100_000_000, "CNY")))
                .setTotalAmount(Fixtures.money(3, 100_000_000, "CNY"))
                .setChargedAmount(Fixtures.money(3, 100_000_000, "CNY"))
                .setBalanceAfter(Fixtures.money(-3, -100_000_000, "CNY"))
                .setArrearsTriggered(true)
                .build();
    }
}
