package dev.rtcsuite.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * Which roles may call which method (SPEC X-5). Each service lists its methods in its
 * configuration, {@code rtcsuite.access.<MethodName>=SERVICE,MEDIA}; ADMIN may call everything. A
 * method without a rule is ADMIN-only, so a new RPC is closed until someone opens it. Health and
 * reflection are open to everyone: probes and {@code buf curl --list-methods} carry no token.
 */
@ApplicationScoped
public class AccessPolicy {

    static final String PREFIX = "rtcsuite.access.";

    private final Config config;
    private final Map<String, Set<Role>> rules = new ConcurrentHashMap<>();

    public AccessPolicy(Config config) {
        this.config = config;
    }

    /** Methods any caller may use, token or not. */
    public boolean open(String fullMethodName) {
        return fullMethodName.startsWith("grpc.health.v1.")
                || fullMethodName.startsWith("grpc.reflection.");
    }

    public boolean allows(String fullMethodName, Role role) {
        return role == Role.ADMIN || roles(fullMethodName).contains(role);
    }

    /** The roles a method's rule names (ADMIN is always allowed besides). */
    public Set<Role> roles(String fullMethodName) {
        return rules.computeIfAbsent(
                simpleName(fullMethodName),
                method ->
                        config.getOptionalValue(PREFIX + method, String.class)
                                .map(AccessPolicy::parse)
                                .orElse(EnumSet.noneOf(Role.class)));
    }

    /** Whether the configuration has a rule for the method (tests check every RPC has one). */
    public boolean hasRule(String fullMethodName) {
        return config.getOptionalValue(PREFIX + simpleName(fullMethodName), String.class)
                .isPresent();
    }

    private static Set<Role> parse(String roles) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(","))
                .map(String::strip)
                .filter(r -> !r.isEmpty() && !r.equals("NONE"))
                .map(Role::valueOf)
                .forEach(parsed::add);
        return parsed;
    }

    private static String simpleName(String fullMethodName) {
        return fullMethodName.substring(fullMethodName.lastIndexOf('/') + 1);
    }
}
