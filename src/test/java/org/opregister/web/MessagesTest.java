package org.opregister.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
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

    /** Words French writes as English does, acronyms, codes and format samples: the only values left untranslated. */
    private static final Set<String> SAME_IN_FRENCH = Set.of("Action", "Actions", "Active", "Article", "BI", "BI × α",
            "BIC",
            "CSV", "Causes", "English", "Français", "Classification", "Code", "DORA", "LDAP / Active Directory",
            "OpenID Connect", "Date",
            "Dates", "Description",
            "Exceptions", "FC",
            "ILDC", "Impact", "Inactive", "Incident", "Incidents", "JSON", "KRI", "LEI", "Nature", "Note",
            "Organisation", "Page {0}", "Possible", "Provisions", "RCSA", "Rare", "SC", "SHA-256", "Service", "Source",
            "Sources", "Total", "Type", "XLSX", "gain", "incident", "{0} – {1}", "2024-07", "2024-Q3",
            "INC-2024-0719-01");

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)(,\\s*[a-z]+)?");

    @Test
    void frenchHasEveryKeyAndNoOther() throws IOException {
        Properties english = bundle();
        Properties french = bundle("/messages/msg_fr.properties");
        Set<String> missing = new TreeSet<>(english.stringPropertyNames());
        missing.removeAll(french.stringPropertyNames());
        Set<String> extra = new TreeSet<>(french.stringPropertyNames());
        extra.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), missing, "keys without a French value");
        assertEquals(Set.of(), extra, "French keys the English bundle does not have");
    }

    @Test
    void frenchValuesAreTranslatedAndKeepTheirArguments() throws IOException {
        Properties english = bundle();
        Properties french = bundle("/messages/msg_fr.properties");
        List<String> untranslated = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        List<String> apostrophes = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            String en = english.getProperty(key).trim();
            String fr = french.getProperty(key, "").trim();
            if (fr.equals(en) && !SAME_IN_FRENCH.contains(fr)) {
                untranslated.add(key + "=" + fr);
            }
            if (!arguments(en).equals(arguments(fr))) {
                arguments.add(key + ": " + arguments(en) + " -> " + arguments(fr));
            }
            // A lone ASCII apostrophe starts a quoted (unformatted) run in MessageFormat and vanishes.
            if (fr.replace("''", "").contains("'")) {
                apostrophes.add(key);
            }
        }
        assertEquals(List.of(), untranslated, "French values equal to the English and not on the allow-list");
        assertEquals(List.of(), arguments, "French values whose arguments differ from the English");
        assertEquals(List.of(), apostrophes, "French values with a lone ASCII apostrophe (write ’)");
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern.replace("''", ""));
        while (matcher.find()) {
            found.add(matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2).replace(" ", "")));
        }
        return found;
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
        return bundle("/messages/msg.properties");
    }

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
