package org.opregister.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real OpenID Connect provider (the oidc-provider npm package, started by src/test/oidc/start-provider.sh) with the
 * users and groups of src/test/oidc/provider.mjs, and the settings that point the application at it: the officer
 * role by group name, the manager role by a Keycloak-style group path.
 */
public class OidcProviderServer implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "opregister";
    static final String CLIENT_SECRET = "register-client-secret";
    static final String API_AUDIENCE = "urn:opregister:api";

    private static final Path WORK = Path.of("target", "oidc-provider");
    private static int port;

    @Override
    public Map<String, String> start() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        run(Path.of("src", "test", "oidc", "start-provider.sh").toAbsolutePath().toString(),
                WORK.toAbsolutePath().toString(), String.valueOf(port));
        return Map.of("oprisk.oidc.issuer", issuer(), "oprisk.oidc.client-id", CLIENT_ID,
                "oprisk.oidc.client-secret", CLIENT_SECRET, "oprisk.oidc.scope", "openid profile email groups api",
                "oprisk.oidc.display-name", "Bank ID", "oprisk.oidc.api-audience", API_AUDIENCE,
                "oprisk.directory.officer-groups", "risk-officers", "oprisk.directory.manager-groups",
                "/risk-managers");
    }

    @Override
    public void stop() {
        Path pid = WORK.resolve("provider.pid");
        try {
            if (Files.exists(pid)) {
                run("kill", Files.readString(pid).strip());
                Files.delete(pid);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String issuer() {
        return "http://localhost:" + port;
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the OpenID Connect provider could not be started (are node and npm"
                    + " installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
