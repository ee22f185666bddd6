package dev.rtcsuite.platform.runtime;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of every service: Quarkus's own, after one JVM setting that halves the TLS part
 * of startup.
 *
 * <p>Vert.x and Netty turn each PEM certificate and key (the server's, and one per gRPC client)
 * into an in-memory PKCS#12 key store, encrypting the key with PBKDF2 at the JDK's 10,000
 * iterations on the way in and decrypting it on the way out — several times per start, in code that
 * is still interpreted then (a quarter of the main thread's startup samples). That store never
 * leaves memory and its key is read from an unencrypted PEM file, so the iterations protect
 * nothing; one is enough. A value set on the command line is kept.
 */
@QuarkusMain
public final class ServiceMain {

    static final String[] IN_MEMORY_KEY_STORE_ITERATIONS = {
        "keystore.pkcs12.keyPbeIterationCount",
        "keystore.pkcs12.certPbeIterationCount",
        "keystore.pkcs12.macIterationCount"
    };

    private ServiceMain() {}

    public static void main(String... args) {
        for (String property : IN_MEMORY_KEY_STORE_ITERATIONS) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, "1");
            }
        }
        Quarkus.run(args);
    }
}
