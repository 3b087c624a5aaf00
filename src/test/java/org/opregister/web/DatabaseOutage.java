package org.opregister.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.h2.tools.Server;

/**
 * Puts a {@link DatabaseRelay} between the application and the test database, so that a test can take the
 * database away and give it back. On H2 the database is an in-memory one served over TCP; on PostgreSQL
 * ({@code DB_KIND=postgresql}) the relay forwards to the server of {@code DB_URL}.
 */
public class DatabaseOutage implements QuarkusTestResourceLifecycleManager {

    private static final Pattern POSTGRESQL_URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/(.*)");

    private static DatabaseRelay relay;
    private static Server h2;

    /** Drops every connection to the database and refuses new ones until {@link #restore()}. */
    public static void cut() {
        if (relay == null) {
            throw new IllegalStateException("DatabaseOutage is not a test resource of this test");
        }
        relay.cut();
    }

    public static void restore() {
        relay.restore();
    }

    @Override
    public Map<String, String> start() {
        try {
            if ("postgresql".equals(setting("DB_KIND", "h2"))) {
                Matcher url = POSTGRESQL_URL.matcher(setting("DB_URL", ""));
                if (!url.matches()) {
                    throw new IllegalStateException("DB_URL is not a PostgreSQL URL: " + setting("DB_URL", ""));
                }
                relay = new DatabaseRelay(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)));
                return Map.of("quarkus.datasource.jdbc.url",
                        "jdbc:postgresql://127.0.0.1:" + relay.port() + "/" + url.group(3));
            }
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            relay = new DatabaseRelay("127.0.0.1", h2.getPort());
            // The pool drops a PostgreSQL connection at its first connection error (Agroal's exception sorter); for
            // H2, which has none, checking each connection before use stands in for it.
            return Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:h2:tcp://127.0.0.1:" + relay.port() + "/mem:oprisk-outage;DB_CLOSE_DELAY=-1",
                    "quarkus.datasource.jdbc.validate-on-borrow", "true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 TCP server did not start", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (relay != null) {
                relay.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            relay = null;
            if (h2 != null) {
                h2.stop();
                h2 = null;
            }
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
