package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.Table;
import dev.rtcsuite.admin.output.Values;
import dev.rtcsuite.admin.parse.Inputs;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.rating.v1.BillLine;
import dev.rtcsuite.rating.v1.CurrencyTotal;
import dev.rtcsuite.rating.v1.DailyBill;
import dev.rtcsuite.rating.v1.GetDailyBillRequest;
import dev.rtcsuite.rating.v1.GetDailyBillResponse;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import java.time.LocalDate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The daily bill of an app or account (rating-service GetDailyBill). */
@Command(name = "bill", description = "Show the bill of one app or account for one billing day.")
public class BillCommand extends AdminCommand {

    static class Scope {
        @Option(names = "--app", paramLabel = "SDK_APP_ID")
        Long sdkAppId;

        @Option(names = "--account", paramLabel = "ACCOUNT_ID")
        String accountId;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    @Option(
            names = "--day",
            required = true,
            paramLabel = "YYYY-MM-DD",
            description = "billing day, in the account's billing time zone")
    LocalDate day;

    static final Table<BillLine> LINES =
            new Table<BillLine>()
                    .column("ITEM", line -> Values.enumValue(line.getItem()))
                    .column("TIER", line -> tier(line.getTier(), line.getAbove4K()))
                    .column("QUANTITY", line -> line.getQuantity().getValue())
                    .column("UNIT", line -> Values.enumValue(line.getUnit()))
                    .column("UNIT PRICE", line -> Values.money(line.getUnitPrice()))
                    .column("AMOUNT", line -> Values.money(line.getAmount()))
                    .column("ROUNDED", line -> Values.money(line.getRoundedAmount()));

    @Override
    protected void execute() {
        GetDailyBillRequest.Builder request =
                GetDailyBillRequest.newBuilder().setBillingDay(Inputs.date(day.toString()));
        if (scope.sdkAppId != null) {
            request.setSdkAppId(scope.sdkAppId);
        } else {
            request.setAccountId(scope.accountId);
        }
        GetDailyBillResponse response =
                call(
                        Service.RATING,
                        RatingServiceGrpc::newBlockingStub,
                        rating -> rating.getDailyBill(request.build()));
        output().result(response, () -> human(response.getBill()));
    }

    /** A line's tier: "-" for items without tiers, the part above the 4K bound marked. */
    static String tier(ResolutionTier tier, boolean above4K) {
        return tier == ResolutionTier.RESOLUTION_TIER_UNSPECIFIED
                ? "-"
                : Values.enumValue(tier) + (above4K ? " (above 4K)" : "");
    }

    static String human(DailyBill bill) {
        StringBuilder text = new StringBuilder();
        text.append("bill of ")
                .append(
                        bill.getSdkAppId() == 0
                                ? "account "
                                : "app " + bill.getSdkAppId() + ", account ")
                .append(bill.getAccountId())
                .append(", ")
                .append(Values.date(bill.getBillingDay()))
                .append(" (")
                .append(bill.getBillingTimeZone())
                .append("), ")
                .append(Values.enumValue(bill.getState()))
                .append('\n');
        if (bill.getLinesCount() == 0) {
            return text.append("no charges\n").toString();
        }
        text.append(LINES.format(bill.getLinesList()));
        for (CurrencyTotal total : bill.getTotalsList()) {
            text.append("total: ")
                    .append(Values.money(total.getRoundedAmount()))
                    .append(" (exact ")
                    .append(Values.money(total.getExactAmount()))
                    .append(")\n");
        }
        return text.toString();
    }
}
