package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.Table;
import dev.rtcsuite.admin.output.Values;
import dev.rtcsuite.admin.parse.Inputs;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.SettleDayRequest;
import dev.rtcsuite.packages.v1.SettleDayResponse;
import dev.rtcsuite.packages.v1.Statement;
import dev.rtcsuite.packages.v1.StatementLine;
import dev.rtcsuite.packages.v1.StatementState;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Settles a billing day now (package-service SettleDay, SPEC P-5). */
@Command(
        name = "settle",
        description =
                "Settle a billing day now, as the scheduler does by itself the next day: the"
                        + " day's postpaid charges against the balance (a negative balance starts"
                        + " the arrears). Settling a settled day shows its statements again.")
public class SettleCommand extends MutatingCommand {

    @Option(
            names = "--day",
            required = true,
            paramLabel = "YYYY-MM-DD",
            description = "billing day, in the account's billing time zone; it must have ended")
    LocalDate day;

    @Option(
            names = "--account",
            paramLabel = "ACCOUNT_ID",
            description = "one account, whose statements are shown (default: every account)")
    String accountId;

    static final Table<StatementLine> LINES =
            new Table<StatementLine>()
                    .column("APP", line -> Long.toString(line.getSdkAppId()))
                    .column("ITEM", line -> Values.enumValue(line.getItem()))
                    .column("TIER", line -> BillCommand.tier(line.getTier(), line.getAbove4K()))
                    .column("QUANTITY", line -> line.getQuantity().getValue())
                    .column("AMOUNT", line -> Values.money(line.getAmount()))
                    .column("ROUNDED", line -> Values.money(line.getRoundedAmount()));

    @Override
    protected void execute() {
        SettleDayRequest.Builder request =
                SettleDayRequest.newBuilder()
                        .setRequestId(requestId())
                        .setBillingDay(Inputs.date(day.toString()));
        if (accountId != null) {
            request.setAccountId(accountId);
        }
        SettleDayResponse response =
                call(
                        Service.PACKAGE,
                        PackagesServiceGrpc::newBlockingStub,
                        packages -> packages.settleDay(request.build()));
        output().result(response, () -> human(response));
    }

    private String human(SettleDayResponse response) {
        if (accountId == null) {
            int settled = response.getSettledAccountCount();
            return "settled "
                    + settled
                    + (settled == 1 ? " account" : " accounts")
                    + " for "
                    + day
                    + " (accounts settled before are not counted)\n";
        }
        if (response.getStatementsCount() == 0) {
            return "no statement for " + day + ": no postpaid charges\n";
        }
        StringBuilder text = new StringBuilder();
        for (Statement statement : response.getStatementsList()) {
            text.append(statement(statement));
        }
        return text.toString();
    }

    static String statement(Statement statement) {
        String period =
                statement.getStartDay().equals(statement.getEndDay())
                        ? Values.date(statement.getStartDay())
                        : Values.date(statement.getStartDay())
                                + " to "
                                + Values.date(statement.getEndDay());
        StringBuilder text =
                new StringBuilder()
                        .append(Values.enumValue(statement.getKind()))
                        .append(" statement ")
                        .append(statement.getStatementId())
                        .append(" of account ")
                        .append(statement.getAccountId())
                        .append(", ")
                        .append(period)
                        .append(", ")
                        .append(Values.enumValue(statement.getState()))
                        .append('\n');
        text.append(
                statement.getLinesCount() == 0
                        ? "no charges\n"
                        : LINES.format(statement.getLinesList()));
        text.append("total: ")
                .append(Values.money(statement.getTotalAmount()))
                .append(", charged: ")
                .append(Values.money(statement.getChargedAmount()));
        if (statement.getState() == StatementState.STATEMENT_STATE_SETTLED) {
            text.append(", balance after: ").append(Values.money(statement.getBalanceAfter()));
        }
        if (statement.getArrearsTriggered()) {
            text.append(" (arrears started)");
        }
        return text.append('\n').toString();
    }
}
