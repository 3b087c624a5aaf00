package org.opregister.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code oprisk.session.generated-key}: a random key made once per process, the fallback of the session
 * cookie key when {@code OPRISK_SESSION_KEY} is unset (see application.properties). Quarkus would otherwise make a
 * temporary key itself and write it to the log. {@link SessionKeyCheck} lets a start use this key only with demo data.
 * Registered in META-INF/services; not marked static-init safe, so it serves the runtime configuration only.
 */
public class SessionKeySource implements ConfigSource {

    static final String PROPERTY = "oprisk.session.generated-key";

    private static final String KEY = newKey();

    private static final Map<String, String> VALUES = Map.of(PROPERTY, KEY);

    private static String newKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public Set<String> getPropertyNames() {
        return VALUES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return SessionKeySource.class.getSimpleName();
    }

    @Override
    public int getOrdinal() {
        return 100;
    }
}
