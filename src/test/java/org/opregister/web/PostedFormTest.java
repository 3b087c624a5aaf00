package org.opregister.web;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The binder for forms that double as API bodies: first value for text fields, every value for lists. */
class PostedFormTest {

    public static class Sample {

        public static String ignoredStatic;
        public String title;
        public String missing;
        public List<String> causes;
    }

    @Test
    void bindsByFieldName() {
        MultivaluedHashMap<String, String> posted = new MultivaluedHashMap<>();
        posted.add("title", "first");
        posted.add("title", "second");
        posted.add("causes", "PEOPLE");
        posted.add("causes", "SYSTEMS");
        posted.add("csrf-token", "x");
        Sample form = PostedForm.bind(posted, Sample.class);
        assertEquals("first", form.title);
        assertNull(form.missing);
        assertEquals(List.of("PEOPLE", "SYSTEMS"), form.causes);
        assertNull(Sample.ignoredStatic);
    }

    @Test
    void noValuesIsAnEmptyList() {
        assertEquals(List.of(), PostedForm.bind(new MultivaluedHashMap<>(), Sample.class).causes);
    }
}
