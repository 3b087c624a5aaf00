package org.opregister.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WCAG 2.1 AA, checked by axe-core on every page a person can reach: the login, 404 and 403 pages, then, signed in
 * as a manager, an auditor, an officer and an administrator in turn, every page reachable by links from the
 * dashboard (one page for each path shape: {@code /kris/12} stands for every KRI). Forms are also scanned showing
 * their errors (submitted empty). Any serious or critical violation fails the test, listed with its rule, element
 * and page. Detail pages are then loaded at a 390 px phone width: nothing may be wider than the screen.
 */
@QuarkusTest
class AccessibilityTest extends BrowserTest {

    private static final String AXE = axeSource();
    private static final Pattern NUMBER = Pattern.compile("/\\d+(?=/|$)");
    private static final Pattern SKIPPED = Pattern.compile(
            "^/(api|q|webjars|css|js|logout)(/.*)?$|\\.(csv|xlsx|pdf|json|xml|txt|svg|png)$|/(evidence|files)/\\d+$");
    private static final int PHONE = 390;
    /** The pages photographed at 1366 px (target/screenshots/a11y-*.png) for people to look at. */
    private static final Set<String> SHOTS = Set.of("/", "/kris/{n}", "/incidents/{n}", "/risks/heatmap",
            "/control-tests/{n}", "/admin/users", "/losses");

    /** Path shape (numbers replaced) to the first address found for it. */
    private final Map<String, String> visited = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void everyPageHasNoSeriousOrCriticalViolation() {
        assertEquals(200, page.navigate(url("/favicon.svg")).status(), "the favicon is served to everyone");
        page.navigate(url("/login"));
        assertEquals("/favicon.svg", page.getAttribute("link[rel=icon]", "href"));
        scan("/login (anonymous)");
        page.fill("#j_username", "officer");
        page.fill("#j_password", "wrong password");
        page.click("button[type=submit]");
        scan("/login (refused sign-in)");

        int before = 0;
        for (String role : List.of("manager", "auditor", "officer", "admin")) {
            BrowserContext signedIn = role.equals("manager") ? context : newContext(1366);
            page = role.equals("manager") ? page : signedIn.newPage();
            login(role);
            crawl(role);
            assertEquals(404, page.navigate(url("/no-such-page")).status());
            scan("/no-such-page (404, " + role + ")");
            if (!role.equals("admin")) {
                assertEquals(403, page.navigate(url("/admin/users")).status());
                scan("/admin/users (403, " + role + ")");
            }
            if (signedIn != context) {
                signedIn.close();
            }
            System.out.println("[a11y] " + role + ": " + (visited.size() - before) + " new pages");
            before = visited.size();
        }
        System.out.println("[a11y] pages scanned: " + visited.size() + " " + visited.keySet());
        failures.forEach(f -> System.out.println("[a11y] " + f));
        assertTrue(visited.size() > 50, "the crawl reached only " + visited.keySet());
        assertEquals(List.of(), failures, failures.size() + " serious or critical violations");
    }

    @Test
    void frenchPagesToo() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900).setLocale("fr-FR"));
        page = context.newPage();
        page.navigate(url("/login"));
        assertEquals("fr", page.getAttribute("html", "lang"));
        scan("/login (fr)");
        login("manager");
        for (String path : firstRecords(List.of("/", "/incidents", "/incidents/new", "/losses", "/reports",
                "/reports/c17-01", "/reports/sma", "/dora", "/ict-providers", "/risks", "/risks/heatmap", "/controls",
                "/assessments", "/kris", "/kris/breaches", "/actions", "/control-tests", "/attestations",
                "/account/password"))) {
            page.navigate(url(path));
            scan(path + " (fr)");
            screenshot("fr-page" + shape(path).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""));
            if (path.equals("/")) {
                // The menu and the account block on one line: Sign out is not pushed onto a second row.
                Number navbar = (Number) page.evaluate("() => document.querySelector('.app-navbar').offsetHeight");
                assertTrue(navbar.intValue() < 80, "the French menu bar is " + navbar + " px high at 1366 px");
            }
        }
        assertEquals(List.of(), failures);
    }

    /** The paths given, and the first record linked from each list among them. */
    private List<String> firstRecords(List<String> lists) {
        List<String> paths = new ArrayList<>(lists);
        for (String list : lists) {
            if (list.equals("/") || list.chars().filter(c -> c == '/').count() > 1) {
                continue;
            }
            page.navigate(url(list));
            Object first = page.evaluate("list => { const a = [...document.querySelectorAll('main a[href]')]"
                    + ".map(a => new URL(a.href).pathname).find(p => new RegExp('^' + list + '/\\\\d+$').test(p));"
                    + " return a || null; }", list);
            if (first != null) {
                paths.add(first.toString());
            }
        }
        return paths;
    }

    @Test
    void nothingIsWiderThanAPhone() {
        context.close();
        context = newContext(PHONE);
        page = context.newPage();
        login("manager");
        List<String> paths = firstRecords(List.of("/", "/losses", "/kris", "/incidents", "/risks", "/controls",
                "/actions", "/control-tests", "/dora", "/ict-providers"));
        // The collapsed menu opens from the keyboard, and its links take the focus.
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        assertEquals("main-menu", page.evaluate("() => document.activeElement.getAttribute('aria-controls')"));
        page.keyboard().press("Enter");
        assertEquals("true", page.getAttribute(".navbar-toggler", "aria-expanded"));
        page.keyboard().press("Tab");
        assertTrue((Boolean) page.evaluate("() => document.activeElement.classList.contains('nav-link')"
                + " && document.activeElement.getBoundingClientRect().height > 0"));
        assertEquals("solid", page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle"),
                "the focused link shows an outline");
        screenshot("a11y-phone-menu");

        List<String> wide = new ArrayList<>();
        for (String path : paths) {
            page.navigate(url(path));
            int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            if (path.equals("/") || path.matches("/(kris|incidents)/\\d+")) {
                screenshot("a11y-phone" + shape(path).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""));
            }
            if (width > PHONE) {
                wide.add(path + " is " + width + " px wide: " + page.evaluate(WIDEST));
            }
            scan(path + " at " + PHONE + " px");
        }
        wide.addAll(failures);
        assertTrue(paths.stream().anyMatch(p -> p.startsWith("/kris/")), "a KRI page was checked: " + paths);
        assertEquals(List.of(), wide);
    }

    /**
     * What a refused form must tell a screen reader: each refused field marked invalid and described by its message,
     * a summary announced (role="alert") that takes the focus and whose links lead to the fields.
     */
    private static final String ERRORS_LINKED = "() => { const out = [];"
            + " document.querySelectorAll('.is-invalid').forEach(f => { const name = f.id || f.name;"
            + " if (f.getAttribute('aria-invalid') !== 'true') out.push(name + ' lacks aria-invalid');"
            + " const ids = (f.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);"
            + " if (!ids.some(id => { const e = document.getElementById(id); return e && e.id.startsWith('e-')"
            + " && e.textContent.trim(); })) out.push(name + ' is not described by its error message'); });"
            + " const summary = document.querySelector('.form-errors');"
            + " if (!summary) { out.push('no error summary'); return out; }"
            + " if (summary.getAttribute('role') !== 'alert') out.push('the summary is not role=alert');"
            + " summary.querySelectorAll('a').forEach(a => { const id = a.getAttribute('href').substring(1);"
            + " if (!document.getElementById(id)) out.push('a summary link leads to no field: #' + id); });"
            + " if (document.activeElement !== summary) out.push('the summary does not take the focus');"
            + " return out; }";

    /** The elements that stick out on the right, for the failure message. */
    private static final String WIDEST = "() => { const w = document.documentElement.clientWidth;"
            + " const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) {"
            + " if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };"
            + " return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)"
            + ".filter(e => !clipped(e)).filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right"
            + " <= w + 1).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
            + " + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '')"
            + " + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)').join(', '); }";

    private BrowserContext newContext(int width) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900));
    }

    /** Breadth first from the dashboard over the links of the menu and of every page, one page per path shape. */
    private void crawl(String role) {
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> queued = new LinkedHashSet<>(queue);
        while (!queue.isEmpty()) {
            String path = queue.removeFirst();
            String shape = shape(path);
            boolean start = path.equals("/"); // each role's dashboard and menu lead to the pages it may see
            if (visited.containsKey(shape) && !start) {
                continue;
            }
            Response response;
            try {
                response = page.navigate(url(path));
            } catch (PlaywrightException download) {
                continue; // a file, not a page
            }
            if (response == null || response.status() != 200
                    || !String.valueOf(response.headerValue("content-type")).contains("text/html")
                    || !shape(URI.create(page.url()).getPath()).equals(shape)) {
                continue;
            }
            if (visited.putIfAbsent(shape, path) == null) {
                scan(path + " (" + role + ")");
            }
            if (SHOTS.contains(shape)) {
                screenshot("a11y-" + role + shape.replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""));
            }
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) page.evaluate("() => [...document.querySelectorAll('a[href]')]"
                    + ".map(a => new URL(a.href, location.href)).filter(u => u.origin === location.origin)"
                    + ".map(u => u.pathname)");
            for (String link : links) {
                if (!SKIPPED.matcher(link).find() && !visited.containsKey(shape(link)) && queued.add(link)) {
                    queue.addLast(link);
                }
            }
            if (path.endsWith("/new")) {
                scanRefusedForm(path, role);
            }
        }
    }

    /** The form of a new-record page submitted empty, so that its errors show, then scanned. */
    private void scanRefusedForm(String path, String role) {
        Object ready = page.evaluate("() => { const form = [...document.querySelectorAll('main form')]"
                + ".find(f => f.method.toLowerCase() === 'post' && f.querySelector('input.form-control, textarea'));"
                + " if (!form || !form.querySelector('button[type=submit], button:not([type])')) return false;"
                + " form.noValidate = true; form.setAttribute('data-a11y-target', '');"
                + " form.querySelectorAll('input.form-control, textarea').forEach(i => { if (i.type !== 'hidden'"
                + " && i.type !== 'file') i.value = ''; }); return true; }");
        if (!Boolean.TRUE.equals(ready)) {
            return;
        }
        Response response = page.waitForNavigation(
                () -> page.click(
                        "form[data-a11y-target] button[type=submit], form[data-a11y-target] button:not([type])"));
        if (response != null && response.status() == 400) {
            scan(path + " with errors (" + role + ")");
            @SuppressWarnings("unchecked")
            List<String> problems = (List<String>) page.evaluate(ERRORS_LINKED);
            problems.forEach(problem -> failures.add("form errors on " + path + " (" + role + "): " + problem));
        } else {
            failures.add("the form of " + path + " submitted empty was not refused: "
                    + (response == null ? "no response" : response.status() + " " + page.url()));
        }
    }

    @SuppressWarnings("unchecked")
    private void scan(String where) {
        page.evaluate(AXE);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("async () => {"
                + " const r = await axe.run(document, { resultTypes: ['violations'] });"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({ id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.slice(0, 8).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '')"
                + ".replace(/\\s+/g, ' ')) })); }");
        for (Map<String, Object> v : violations) {
            for (Object node : (List<Object>) v.get("nodes")) {
                failures.add(v.get("impact") + " " + v.get("id") + " on " + where + ": " + node);
            }
        }
    }

    private static String shape(String path) {
        return NUMBER.matcher(path).replaceAll("/{n}");
    }

    private static String axeSource() {
        try (InputStream in = AccessibilityTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException(
                        "axe.min.js (com.deque.html.axe-core:playwright) is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
