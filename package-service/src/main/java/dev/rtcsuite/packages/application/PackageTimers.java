package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.deduction.ActivationCatchUp;
import dev.rtcsuite.packages.domain.deduction.Deduction;
import dev.rtcsuite.packages.domain.prepaid.PackageState;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.persistence.DeductionRepository;
import dev.rtcsuite.packages.persistence.PackageRepository;
import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A package's two timers (SPEC P-3), run once each by the platform's job runner: activation after
 * the delay, which takes over the purchase day's postpaid overflow so far (never earlier days), and
 * expiry, which forfeits the unused minutes. Either may leave the account without packages.
 */
public final class PackageTimers {

    private PackageTimers() {}

    /** Activation of a bought package; skipped while a refund holds it or once refunded. */
    @ApplicationScoped
    public static class Activation implements JobHandler {

        private final AccountBooks books;
        private final PackageRepository packages;
        private final DeductionRepository deductions;
        private final Standings standings;
        private final Clock clock;

        public Activation(
                AccountBooks books,
                PackageRepository packages,
                DeductionRepository deductions,
                Standings standings,
                Clock clock) {
            this.books = books;
            this.packages = packages;
            this.deductions = deductions;
            this.standings = standings;
            this.clock = clock;
        }

        @Override
        public String kind() {
            return JobKinds.ACTIVATION;
        }

        @Override
        public void run(Job job) {
            Optional<PrepaidPackage> unlocked = packages.find(UUID.fromString(job.key()));
            if (unlocked.isEmpty()) {
                return; // purged with its reclaimed account
            }
            AccountBook book = books.lock(unlocked.get().accountId());
            PrepaidPackage bought = packages.lock(unlocked.get().packageId()).orElseThrow();
            // Late runs take over everything the purchase day overflowed until now.
            Instant now = clock.instant();
            if (!bought.isDueForActivation(now)) {
                return;
            }
            List<Deduction> purchaseDay =
                    deductions.ofDay(bought.accountId(), bought.validity().firstDay());
            ActivationCatchUp.Activation activation =
                    ActivationCatchUp.activate(bought, purchaseDay, now);
            packages.update(activation.activated(), now);
            for (Deduction catchUp : activation.catchUps()) {
                deductions.insert(catchUp, "");
            }
            standings.checkRunOut(book, now);
        }
    }

    /** Expiry: the unused minutes are forfeited and recorded (SPEC P-3). */
    @ApplicationScoped
    public static class Expiry implements JobHandler {

        private final AccountBooks books;
        private final PackageRepository packages;
        private final Standings standings;

        public Expiry(AccountBooks books, PackageRepository packages, Standings standings) {
            this.books = books;
            this.packages = packages;
            this.standings = standings;
        }

        @Override
        public String kind() {
            return JobKinds.EXPIRY;
        }

        @Override
        public void run(Job job) {
            Optional<PrepaidPackage> unlocked = packages.find(UUID.fromString(job.key()));
            if (unlocked.isEmpty()) {
                return;
            }
            AccountBook book = books.lock(unlocked.get().accountId());
            PrepaidPackage expiring = packages.lock(unlocked.get().packageId()).orElseThrow();
            Instant now = expiring.validity().expireTime();
            if (expiring.state(now) != PackageState.EXPIRED) {
                return; // refunded meanwhile
            }
            packages.forfeit(expiring.packageId(), expiring.remainingMinutes(), now);
            standings.checkRunOut(book, now);
        }
    }
}
