package dev.rtcsuite.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rtcsuite.platform.error.ServiceException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AIP-158 paging as every List RPC of package-service reads it. */
class PageRequestTest {

    @Test
    void zeroPageSizeMeansTheDefault() {
        assertThat(PageRequest.of(0, "")).isEqualTo(new PageRequest(0, PageRequest.DEFAULT_SIZE));
    }

    @Test
    void tokenRoundTripsTheKey() {
        String token = PageRequest.token(Optional.of(1_400_000_123L));

        assertThat(PageRequest.of(10, token)).isEqualTo(new PageRequest(1_400_000_123L, 10));
        assertThat(PageRequest.token(Optional.empty())).isEmpty();
    }

    @Test
    void sizeAboveTheMaximumMeansTheMaximum() {
        assertThat(PageRequest.of(5000, "").size()).isEqualTo(PageRequest.MAX_SIZE);
    }

    @Test
    void negativeSizeAndForgedTokensAreRefused() {
        assertThatThrownBy(() -> PageRequest.of(-1, "bm90LWEtdG9rZW4"))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e ->
                                assertThat(e.violations())
                                        .extracting(v -> v.field())
                                        .containsExactly("page_size", "page_token"));
    }

    @Test
    void aListReadWholeIsPagedByPosition() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        PageRequest first = PageRequest.of(2, "");
        PageRequest last = PageRequest.of(2, PageRequest.token(Optional.of(4L)));

        assertThat(first.of(all)).containsExactly(1, 2);
        assertThat(PageRequest.of(2, first.nextToken(all)).of(all)).containsExactly(3, 4);
        assertThat(last.of(all)).containsExactly(5);
        assertThat(last.nextToken(all)).isEmpty();
    }
}
