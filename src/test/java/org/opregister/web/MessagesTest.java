package org.opregister.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.opregister.core.Messages;
import org.opregister.core.Role;
import org.opregister.incident.IncidentStatus;
import org.opregister.incident.LossType;
import org.opregister.incident.Severity;
import org.opregister.incident.Transition;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.Cause;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every string a page shows comes from the bundle: keys used by templates and code exist, enums have labels. */
class MessagesTest {

    private static final Pattern TEMPLATE_KEY = Pattern
            .compile("(?:m:t\\(|\\b(?:label|placeholder|help|empty|submit)=)'([a-zA-Z0-9_.]+)'");
    private static final Pattern CODE_KEY = Pattern.compile("\"((?:error|flash)\\.[a-zA-Z0-9_.]+)\"");

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Properties bundle = bundle();
        List<String> missing = new ArrayList<>();
        for (Path file : files(Path.of("src/main/resources/templates"))) {
            keys(TEMPLATE_KEY, Files.readString(file)).stream().filter(k -> !bundle.containsKey(k))
                    .forEach(k -> missing.add(file + ": " + k));
        }
        for (Path file : files(Path.of("src/main/java"))) {
            keys(CODE_KEY, Files.readString(file)).stream()
                    .filter(k -> !bundle.containsKey(k) && !k.endsWith("."))
                    .forEach(k -> missing.add(file + ": " + k));
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyEnumConstantHasALabel() throws IOException {
        Properties bundle = bundle();
        List<Enum<?>> constants = new ArrayList<>();
        for (Class<? extends Enum<?>> type : List.of(IncidentStatus.class, Severity.class, EventCategory.class,
                EventType.class, BusinessLine.class, Cause.class, LossType.class)) {
            constants.addAll(List.of(type.getEnumConstants()));
        }
        for (Enum<?> constant : constants) {
            assertTrue(bundle.containsKey(Messages.enumKey(constant)), Messages.enumKey(constant));
        }
        for (Transition transition : Transition.values()) {
            assertTrue(bundle.containsKey(transition.labelKey()), transition.labelKey());
            assertTrue(bundle.containsKey("flash.transition." + transition.name()), transition.name());
        }
        for (String role : Role.ALL) {
            assertTrue(bundle.containsKey("role." + role), role);
        }
    }

    @Test
    void templatesHoldNoLiteralSentences() throws IOException {
        // Text between tags must be an expression, not words: a translation must need no template change.
        // Code samples (<code>officer</code>: account names) are data, not language.
        Pattern literal = Pattern.compile(">\\s*([A-Za-z][A-Za-z ,.'-]{3,})\\s*<");
        List<String> found = new ArrayList<>();
        for (Path file : files(Path.of("src/main/resources/templates"))) {
            Matcher matcher = literal.matcher(Files.readString(file).replaceAll("<code>[^<]*</code>", ""));
            while (matcher.find()) {
                found.add(file + ": " + matcher.group(1));
            }
        }
        assertEquals(List.of(), found);
    }

    private static List<String> keys(Pattern pattern, String text) {
        List<String> keys = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static Properties bundle() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages/msg.properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
