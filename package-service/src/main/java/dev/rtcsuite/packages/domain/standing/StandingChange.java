package dev.rtcsuite.packages.domain.standing;

import java.util.List;

/** The standing after an event, and the notices the event gives rise to. */
public record StandingChange(
        ServiceStanding before, ServiceStanding after, List<AccountNotice> notices) {

    public StandingChange {
        notices = List.copyOf(notices);
    }

    public boolean changed() {
        return !before.equals(after);
    }
}
