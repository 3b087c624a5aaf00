package org.opregister.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.opregister.core.FormInput;

/** Builds the query part of a link from the non-blank parameters, encoded. */
public final class QueryString {

    private final StringBuilder text = new StringBuilder();

    public QueryString add(String name, String value) {
        if (!FormInput.blank(value)) {
            text.append(text.length() == 0 ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
