package dev.rtcsuite.packages.domain.prepaid;

/** Legacy package types and how many general minutes one of their minutes is worth (SPEC P-3). */
public enum LegacyPackageType {
    VOICE(1),
    SD(2),
    HD(4);

    private final int generalMinutesPerMinute;

    LegacyPackageType(int generalMinutesPerMinute) {
        this.generalMinutesPerMinute = generalMinutesPerMinute;
    }

    public long generalMinutes(long legacyMinutes) {
        return Math.multiplyExact(legacyMinutes, generalMinutesPerMinute);
    }
}
