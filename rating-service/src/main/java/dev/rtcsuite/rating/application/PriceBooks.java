package dev.rtcsuite.rating.application;

import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.rating.domain.price.ContractAssignment;
import dev.rtcsuite.rating.domain.price.DatedPriceBook;
import dev.rtcsuite.rating.domain.price.EffectivePrices;
import dev.rtcsuite.rating.domain.price.ListPrices;
import dev.rtcsuite.rating.domain.price.PriceBook;
import dev.rtcsuite.rating.domain.price.PriceBookKind;
import dev.rtcsuite.rating.domain.price.PriceCatalog;
import dev.rtcsuite.rating.domain.price.PriceSource;
import dev.rtcsuite.rating.persistence.PriceBookRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Versioned, effective-dated price books and the contract books assigned to accounts (SPEC R-1).
 * Books and assignments only ever take effect from now on, so a day already rated is never re-rated
 * by a price change.
 */
@ApplicationScoped
@Transactional
public class PriceBooks {

    public static final String PRICE_BOOK_NOT_FOUND = "PRICE_BOOK_NOT_FOUND";
    public static final String PRICE_BOOK_ALREADY_EXISTS = "PRICE_BOOK_ALREADY_EXISTS";
    public static final String PRICE_BOOK_KIND_MISMATCH = "PRICE_BOOK_KIND_MISMATCH";

    private final PriceBookRepository books;
    private final Clock clock;

    public PriceBooks(PriceBookRepository books, Clock clock) {
        this.books = books;
        this.clock = clock;
    }

    /** The list prices of SPEC R-1 exist in every database; replicas race harmlessly here. */
    void seedListPrices(@Observes StartupEvent started) {
        books.insertIfAbsent(
                new StoredPriceBook(
                        ListPrices.book(),
                        "List prices (SPEC R-1)",
                        Optional.of(ListPrices.EFFECTIVE_FROM),
                        clock.instant()));
    }

    /**
     * @param effectiveFrom a LIST book's start, not before now; empty for a CONTRACT book
     */
    public StoredPriceBook create(
            PriceBook book, String displayName, Optional<Instant> effectiveFrom) {
        StoredPriceBook stored =
                new StoredPriceBook(book, displayName, effectiveFrom, clock.instant());
        if (!books.insertIfAbsent(stored)) {
            throw ServiceException.alreadyExists(
                    PRICE_BOOK_ALREADY_EXISTS,
                    "Price book "
                            + book.version()
                            + " exists; books never change, use a new version.",
                    Map.of("version", book.version()));
        }
        return stored;
    }

    public StoredPriceBook get(String version) {
        return books.find(version).orElseThrow(() -> notFound(version));
    }

    /** Every book of a kind (all kinds when empty), in version order. */
    public List<StoredPriceBook> list(Optional<PriceBookKind> kind) {
        return books.all().stream()
                .filter(b -> kind.isEmpty() || b.book().kind() == kind.get())
                .toList();
    }

    /**
     * Gives an account a CONTRACT book from {@code effectiveFrom} on; an empty version removes the
     * contract from then on.
     */
    public ContractAssignment assign(String accountId, String version, Instant effectiveFrom) {
        ContractAssignment assignment;
        if (version.isEmpty()) {
            assignment = ContractAssignment.remove(accountId, effectiveFrom);
        } else {
            PriceBook book = get(version).book();
            if (book.kind() != PriceBookKind.CONTRACT) {
                throw ServiceException.failedPrecondition(
                        PRICE_BOOK_KIND_MISMATCH,
                        "Price book "
                                + version
                                + " is a "
                                + book.kind()
                                + " book; assign a CONTRACT book.",
                        Map.of("version", version, "kind", book.kind().name()));
            }
            assignment = ContractAssignment.assign(accountId, effectiveFrom, book);
        }
        books.insert(assignment, clock.instant());
        return assignment;
    }

    /** The account's assignments, latest effective first. */
    public List<ContractAssignment> assignments(String accountId) {
        return books.assignments(accountId, byVersion()).reversed();
    }

    /**
     * Every list book and the account's contract assignments: what rating prices the account with.
     * (Only the account's: every day of every app is rated with it, and the assignments of all
     * accounts grow with the customer base.)
     */
    public PriceCatalog catalogFor(String accountId) {
        List<StoredPriceBook> all = books.all();
        return new PriceCatalog(
                all.stream()
                        .filter(b -> b.book().kind() == PriceBookKind.LIST)
                        .map(b -> new DatedPriceBook(b.effectiveFrom().orElseThrow(), b.book()))
                        .toList(),
                books.assignments(accountId, byVersion(all)));
    }

    /**
     * The prices of an account's day: the books in force, or, after a re-rate that named a book,
     * that book for the whole day (a LIST book replaces the list, a CONTRACT book the contract).
     */
    public PriceSource forDay(String accountId, Optional<String> rerateVersion) {
        PriceCatalog catalog = catalogFor(accountId);
        PriceSource inForce = catalog.forAccount(accountId);
        if (rerateVersion.isEmpty()) {
            return inForce;
        }
        PriceBook book = get(rerateVersion.get()).book();
        return instant -> {
            EffectivePrices now = catalog.inForce(accountId, instant);
            return book.kind() == PriceBookKind.LIST
                    ? new EffectivePrices(book, now.contract())
                    : new EffectivePrices(now.list(), Optional.of(book));
        };
    }

    private Map<String, PriceBook> byVersion() {
        return byVersion(books.all());
    }

    private static Map<String, PriceBook> byVersion(List<StoredPriceBook> all) {
        return all.stream()
                .map(StoredPriceBook::book)
                .collect(Collectors.toMap(PriceBook::version, Function.identity()));
    }

    static ServiceException notFound(String version) {
        return ServiceException.notFound(
                PRICE_BOOK_NOT_FOUND, "No price book " + version + ".", Map.of("version", version));
    }
}
