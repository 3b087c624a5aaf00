package org.opregister.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Version;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.core.NotAudited;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The audit trail names each changed field by its label ({@code field.<Type>.<field>}), in English and French: a
 * field without one would show its Java name to auditors.
 */
@QuarkusTest
class AuditLabelsTest {

    private static final Set<String> STAMPS = Set.of("createdAt", "createdBy", "updatedAt", "updatedBy");

    @Inject
    EntityManager em;

    @Test
    void everyAuditedFieldHasALabelInEveryLanguage() throws IOException {
        Properties english = bundle("/messages/msg.properties");
        Properties french = bundle("/messages/msg_fr.properties");
        Set<String> missing = new TreeSet<>();
        for (EntityType<?> entity : em.getMetamodel().getEntities()) {
            Class<?> type = entity.getJavaType();
            if (type.isAnnotationPresent(NotAudited.class)) {
                continue;
            }
            for (Attribute<?, ?> attribute : entity.getAttributes()) {
                if (attribute instanceof SingularAttribute<?, ?> singular && singular.isId()) {
                    continue;
                }
                if (attribute.isCollection() || !(attribute.getJavaMember() instanceof Field field)
                        || STAMPS.contains(field.getName()) || field.isAnnotationPresent(NotAudited.class)
                        || field.isAnnotationPresent(Version.class)) {
                    continue;
                }
                if (field.getType().isAnnotationPresent(Embeddable.class)) {
                    for (Field part : field.getType().getDeclaredFields()) {
                        if (!Modifier.isStatic(part.getModifiers()) && !part.getName().startsWith("$$")) {
                            check(type.getSimpleName(), part.getName(), english, french, missing);
                        }
                    }
                } else {
                    check(type.getSimpleName(), field.getName(), english, french, missing);
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    private static void check(String type, String field, Properties english, Properties french, Set<String> missing) {
        String key = "field." + type + "." + field;
        if (!english.containsKey(key)) {
            missing.add(key + " (English)");
        }
        if (!french.containsKey(key)) {
            missing.add(key + " (French)");
        }
    }

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AuditLabelsTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
