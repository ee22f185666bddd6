package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.error.ErrorKind;
import dev.rtcsuite.platform.error.FieldViolation;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.recording.config.RecordingSettings;
import dev.rtcsuite.recording.domain.callback.AddressRules;
import dev.rtcsuite.recording.domain.callback.Cidr;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * Refuses callback URLs that resolve to loopback, link-local or private addresses unless the
 * operator allows their range (SPEC C-6): checked when a URL is configured and again before each
 * delivery, since a name can be pointed elsewhere later.
 */
@ApplicationScoped
public class CallbackTargets {

    public static final String CALLBACK_URL_NOT_ALLOWED = "CALLBACK_URL_NOT_ALLOWED";

    private final List<Cidr> allowed;

    public CallbackTargets(RecordingSettings settings) {
        this.allowed =
                settings.callbackAllowedNetworks().stream()
                        .filter(n -> !n.equals("none"))
                        .map(Cidr::parse)
                        .toList();
    }

    /** Throws INVALID_ARGUMENT CALLBACK_URL_NOT_ALLOWED naming {@code field} if refused. */
    public void check(String url, String field) {
        if (url.isEmpty()) {
            return;
        }
        String host = URI.create(url).getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw refused(url, field, host, "the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!AddressRules.allowed(address, allowed)) {
                throw refused(
                        url,
                        field,
                        address.getHostAddress(),
                        "resolves to "
                                + address.getHostAddress()
                                + ", a loopback, link-local or private address that the operator"
                                + " has not allowed");
            }
        }
    }

    private static ServiceException refused(String url, String field, String resolved, String why) {
        return new ServiceException(
                ErrorKind.INVALID_ARGUMENT,
                CALLBACK_URL_NOT_ALLOWED,
                "Callback URL " + url + " is not allowed: " + why + ".",
                Map.of("url", url, "resolvedAddress", resolved),
                List.of(new FieldViolation(field, "a public http(s) URL; " + why)));
    }
}
