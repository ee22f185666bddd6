package dev.rtcsuite.recording.domain.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC C-6: callbacks never reach the operator's own network unless it allows a range. */
class AddressRulesTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void loopbackLinkLocalPrivateAndSimilarAreRestricted() throws Exception {
        for (String address :
                List.of(
                        "127.0.0.1",
                        "127.9.9.9",
                        "::1",
                        "169.254.169.254",
                        "fe80::1",
                        "10.0.0.1",
                        "172.16.5.4",
                        "192.168.1.1",
                        "fd00::1",
                        "100.64.0.1",
                        "0.0.0.0",
                        "::ffff:10.0.0.1",
                        "224.0.0.1")) {
            assertThat(AddressRules.restricted(ip(address))).as(address).isTrue();
        }
        for (String address :
                List.of("8.8.8.8", "203.0.113.7", "2001:4860:4860::8888", "172.32.0.1")) {
            assertThat(AddressRules.restricted(ip(address))).as(address).isFalse();
        }
    }

    @Test
    void anOperatorRangeAllowsOnlyWhatItContains() throws Exception {
        List<Cidr> allowed = List.of(Cidr.parse("127.0.0.1/32"), Cidr.parse("10.1.0.0/16"));
        assertThat(AddressRules.allowed(ip("127.0.0.1"), allowed)).isTrue();
        assertThat(AddressRules.allowed(ip("127.0.0.2"), allowed)).isFalse();
        assertThat(AddressRules.allowed(ip("10.1.200.3"), allowed)).isTrue();
        assertThat(AddressRules.allowed(ip("10.2.0.1"), allowed)).isFalse();
        assertThat(AddressRules.allowed(ip("8.8.8.8"), List.of())).isTrue();
    }
}
