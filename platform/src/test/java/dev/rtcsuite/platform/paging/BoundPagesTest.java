package dev.rtcsuite.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.longrunning.ListOperationsRequest;
import com.google.type.Date;
import dev.rtcsuite.platform.error.FieldViolation;
import dev.rtcsuite.platform.error.ServiceException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AIP-158: a next_page_token continues the listing that issued it, and no other. */
class BoundPagesTest {

    private static final ListOperationsRequest LISTING =
            ListOperationsRequest.newBuilder().setName("operations").setFilter("done").build();

    @Test
    void aTokenContinuesTheRequestThatIssuedIt() {
        String token = BoundPages.bind(LISTING, PageRequest.token(Optional.of(42L)));

        PageRequest next = BoundPages.request(page(LISTING, 10, token));

        assertThat(next.after()).isEqualTo(42);
        assertThat(next.size()).isEqualTo(10);
    }

    @Test
    void theLastPageHasNoToken() {
        assertThat(BoundPages.bind(LISTING, "")).isEmpty();
        assertThat(BoundPages.request(LISTING)).isEqualTo(PageRequest.of(0, ""));
    }

    @Test
    void aTokenPresentedWithOtherFiltersIsRefusedNamingPageToken() {
        String token = BoundPages.bind(LISTING, PageRequest.token(Optional.of(42L)));
        ListOperationsRequest otherFilters = LISTING.toBuilder().setFilter("not done").build();

        assertThatThrownBy(() -> BoundPages.request(page(otherFilters, 10, token)))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e ->
                                assertThat(e.violations())
                                        .extracting(FieldViolation::field)
                                        .containsExactly("page_token"));
    }

    @Test
    void aBadPageSizeIsNamedBesideABadToken() {
        assertThatThrownBy(() -> BoundPages.request(page(LISTING, -1, "garbage!")))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e ->
                                assertThat(e.violations())
                                        .extracting(FieldViolation::field)
                                        .containsExactly("page_size", "page_token"));
    }

    @Test
    void aTokenNoListingIssuedIsRefused() {
        for (String forged : List.of("not base64!", PageRequest.token(Optional.of(42L)), "YWJj")) {
            assertThatThrownBy(() -> BoundPages.request(page(LISTING, 10, forged)))
                    .as(forged)
                    .isInstanceOf(ServiceException.class);
        }
    }

    @Test
    void keySetPagesUseTheExtraRowOnlyToTellThatMoreFollow() {
        PageRequest page = PageRequest.of(2, "");
        List<Long> fetched = List.of(7L, 5L, 3L);

        assertThat(page.keysetRows(fetched)).containsExactly(7L, 5L);
        assertThat(PageRequest.of(2, page.keysetNextToken(fetched, key -> key)).after())
                .isEqualTo(5);
        assertThat(page.keysetNextToken(List.of(7L, 5L), key -> key)).isEmpty();
    }

    @Test
    void onlyAListingRequestHasPages() {
        assertThatThrownBy(() -> BoundPages.request(Date.getDefaultInstance()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ListOperationsRequest page(
            ListOperationsRequest listing, int pageSize, String pageToken) {
        return listing.toBuilder().setPageSize(pageSize).setPageToken(pageToken).build();
    }
}
