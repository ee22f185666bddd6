package dev.rtcsuite.admin.command;

/** The line under a listed page: how many, and how to get the next page. */
final class Listing {

    private Listing() {}

    static String footer(int count, String noun, String nextPageToken) {
        String line = count + " " + noun + (count == 1 ? "" : "s");
        return nextPageToken.isEmpty()
                ? line + "\n"
                : line + "; more with --page-token " + nextPageToken + " (or --all)\n";
    }
}
