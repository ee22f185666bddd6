package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.HumanFormat;
import dev.rtcsuite.admin.parse.Inputs;
import dev.rtcsuite.packages.v1.FundType;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.TopUpRequest;
import dev.rtcsuite.packages.v1.TopUpResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Adds money to an account's balance (package-service TopUp). */
@Command(
        name = "top-up",
        description =
                "Add money to an account's balance; clearing the arrears restores service at"
                        + " once.")
public class TopUpCommand extends MutatingCommand {

    @Option(names = "--account", required = true, paramLabel = "ACCOUNT_ID")
    String accountId;

    @Option(
            names = "--amount",
            required = true,
            paramLabel = "AMOUNT",
            description = "> 0, e.g. 100.00")
    String amount;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "CNY")
    String currency;

    @Option(
            names = "--fund",
            paramLabel = "CASH|INCOME_TRANSFER|GIFT",
            description = "default CASH")
    FundType fund;

    @Option(names = "--reference", paramLabel = "TEXT", description = "payment order number")
    String reference;

    @Override
    protected void execute() {
        TopUpRequest.Builder request =
                TopUpRequest.newBuilder().setRequestId(requestId()).setAccountId(accountId);
        try {
            request.setAmount(Inputs.money(amount, currency));
        } catch (IllegalArgumentException e) {
            throw usage("--amount: " + e.getMessage());
        }
        if (fund != null) {
            request.setFund(fund);
        }
        if (reference != null) {
            request.setExternalReference(reference);
        }
        TopUpResponse response =
                call(
                        Service.PACKAGE,
                        PackagesServiceGrpc::newBlockingStub,
                        packages -> packages.topUp(request.build()));
        output().result(response, () -> HumanFormat.format(response.getBalance()));
    }
}
