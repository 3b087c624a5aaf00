package org.opregister.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.opregister.core.CurrentLocale;
import org.opregister.core.Messages;

/**
 * A one-shot message carried across a post/redirect/get in a short-lived cookie:
 * the resource redirects with {@link #redirect}, the next page shows it and the cookie is dropped.
 */
@Named("flash")
@RequestScoped
public class Flash {

    static final String COOKIE = "oprisk-flash";
    private static final char SEPARATOR = '\u001f';

    private String key;
    private String argument;
    private boolean received;

    public static Response redirect(URI location, String key, Object argument) {
        String value = key + (argument == null ? "" : SEPARATOR + argument.toString());
        NewCookie cookie = new NewCookie.Builder(COOKIE)
                .value(URLEncoder.encode(value, StandardCharsets.UTF_8))
                .path("/").maxAge(120).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(location).cookie(cookie).build();
    }

    public static Response redirect(String location, String key, Object argument) {
        return redirect(URI.create(location), key, argument);
    }

    void receive(String cookieValue) {
        String decoded = URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
        int at = decoded.indexOf(SEPARATOR);
        key = at < 0 ? decoded : decoded.substring(0, at);
        argument = at < 0 ? null : decoded.substring(at + 1);
        received = true;
    }

    boolean received() {
        return received;
    }

    public boolean present() {
        return key != null && key.startsWith("flash.");
    }

    /** The message in the request's locale; only keys under {@code flash.} are shown. */
    public String message() {
        return present() ? Messages.get(CurrentLocale.current(), key, argument == null ? "" : argument) : "";
    }
}
