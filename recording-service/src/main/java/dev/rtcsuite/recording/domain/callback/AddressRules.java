package dev.rtcsuite.recording.domain.callback;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Which addresses a callback may not be sent to unless an operator allows them (SPEC C-6):
 * loopback, link-local, private (RFC 1918, IPv6 unique local), unspecified, carrier-grade NAT and
 * multicast addresses — targets inside the operator's own network.
 */
public final class AddressRules {

    private static final List<Cidr> ALSO_RESTRICTED =
            List.of(Cidr.parse("100.64.0.0/10"), Cidr.parse("fc00::/7"), Cidr.parse("0.0.0.0/8"));

    private AddressRules() {}

    public static boolean restricted(InetAddress address) {
        return address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || ALSO_RESTRICTED.stream().anyMatch(c -> c.contains(address))
                || mappedIpv4Restricted(address);
    }

    /** Whether a restricted address is allowed by one of the operator's ranges. */
    public static boolean allowed(InetAddress address, List<Cidr> allowedNetworks) {
        return !restricted(address) || allowedNetworks.stream().anyMatch(c -> c.contains(address));
    }

    private static boolean mappedIpv4Restricted(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return false;
        }
        try {
            return restricted(
                    InetAddress.getByAddress(
                            new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }
}
