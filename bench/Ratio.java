import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.Serializable;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app next to its bare SQL (issue #19, item 1), driven by bench/ratio.sh. Java 17 runs it from source:
 * {@code java -cp <h2 jar>:<postgresql jar> bench/Ratio.java capture|measure ...}.
 *
 * <p>{@code capture}: the app runs with statement logging on (H2: {@code SET TRACE_LEVEL_FILE 2}, which writes every
 * statement with its parameters to {@code <db>.trace.db}; PostgreSQL: {@code log_min_duration_statement = 0} on the
 * bench database, whose server log shows each {@code execute} with {@code DETAIL: parameters}). Each case is
 * requested once to warm up, then twice while the log grows; the statements logged during the request with fewer
 * of them (only those of the bench database on PostgreSQL) are that case's SQL, kept with their parameters as the logs print them.
 *
 * <p>{@code measure}: the app runs without logging. The pages are first requested in turn for a while (not counted:
 * the app warms up as a running one has, see {@link #warmUp}), then for each case, after one uncounted round, rounds
 * alternate
 * one HTTP request and one replay
 * of its captured statements through plain JDBC (one transaction, every row and column read; exports written to a
 * file as CSV; writes rolled back, with the keys the capture inserted replaced by fresh ones so the replay can
 * insert again). On PostgreSQL the exports are also timed against {@code COPY (<largest select>) TO STDOUT} into a
 * file: what psql's {@code \copy} does, through the driver's CopyManager (no psql start-up in the figure).
 */
public class Ratio {

    enum Kind { PAGE, EXPORT, WRITE }

    record Case(String name, Kind kind, String path, String json, boolean officer) implements Serializable {
    }

    /** One statement as logged: the SQL, and each parameter as the log's SQL literal (null when none). */
    record Stmt(String sql, List<String> params) implements Serializable {
    }

    record Captured(Case c, List<Stmt> stmts) implements Serializable {
    }

    static final String NEW_INCIDENT = "{\"title\":\"Bench incident vendor outage\",\"severity\":\"LOW\","
            + "\"eventCategory\":\"EXTERNAL_FRAUD\",\"eventType\":\"SYSTEMS_SECURITY\",\"businessLine\":\"RETAIL_BANKING\","
            + "\"orgUnit\":\"Fraud Office\",\"owner\":\"Head of Fraud\",\"occurrenceDate\":\"2026-11-02\","
            + "\"discoveryDate\":\"2026-11-03\",\"causes\":[\"EXTERNAL\"],\"nearMiss\":false}";
    static final String NEW_LINE = "{\"type\":\"DIRECT_CHARGE\",\"amount\":\"1250.00\",\"currency\":\"EUR\","
            + "\"accountingDate\":\"2026-11-02\",\"description\":\"Bench charge\"}";

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        page(cases, "incident list", "/incidents");
        page(cases, "list, sort by net loss + business line", "/incidents?sort=-netLoss&businessLine=RETAIL_BANKING");
        page(cases, "list, status OPEN", "/incidents?status=OPEN");
        page(cases, "list, status + type + dates", "/incidents?status=OPEN&eventType=BUSINESS_DISRUPTION&from=2024-01-01&to=2024-12-31");
        page(cases, "list, page 20", "/incidents?page=20");
        page(cases, "search q=vendor", "/incidents?q=vendor");
        page(cases, "incident page", "/incidents/10000042");
        page(cases, "dashboard /", "/");
        page(cases, "losses page, 2024 accounting", "/losses?dates=ACCOUNTING&from=2024-01-01&to=2024-12-31");
        page(cases, "risks", "/risks");
        page(cases, "controls", "/controls");
        page(cases, "KRIs", "/kris");
        page(cases, "actions", "/actions");
        page(cases, "audit trail, newest", "/audit");
        page(cases, "audit trail, by user", "/audit?user=officer2");
        page(cases, "COREP C 17.01", "/reports/c17-01?referenceDate=2024-12-31");
        page(cases, "COREP C 17.02", "/reports/c17-02?referenceDate=2024-12-31");
        // A cell's events are computed on every view: what the first view of a return after a change costs.
        page(cases, "COREP C 17.01, a cell's events", "/reports/c17-01/cells/0920/0080?referenceDate=2024-12-31");
        page(cases, "SMA calculator", "/reports/sma?year=2025");
        page(cases, "DORA register", "/dora");
        cases.add(new Case("export incidents CSV", Kind.EXPORT, "/incidents/export.csv", null, false));
        cases.add(new Case("export losses CSV", Kind.EXPORT, "/losses/export.csv", null, false));
        cases.add(new Case("export audit CSV", Kind.EXPORT, "/audit/export.csv", null, false));
        cases.add(new Case("write: create incident", Kind.WRITE, "/api/incidents", NEW_INCIDENT, true));
        cases.add(new Case("write: add loss line", Kind.WRITE, "/api/incidents/10000041/losses", NEW_LINE, true));
        String only = System.getenv("CASES");
        if (only != null && !only.isBlank()) {
            Pattern chosen = Pattern.compile(only);
            cases.removeIf(c -> !chosen.matcher(c.name()).find());
        }
        return cases;
    }

    static void page(List<Case> cases, String name, String path) {
        cases.add(new Case(name, Kind.PAGE, path, null, false));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        switch (args[0]) {
            case "capture" -> capture(opt);
            case "measure" -> measure(opt);
            case "ceiling" -> ceiling(opt);
            default -> throw new IllegalArgumentException("capture, measure or ceiling");
        }
    }

    // ---------------------------------------------------------------- HTTP

    static final class App {
        final String base;
        final HttpClient auditor;
        final HttpClient officer;

        App(String base) throws Exception {
            this.base = base;
            this.auditor = signedIn(base, "auditor");
            this.officer = signedIn(base, "officer");
        }

        static HttpClient signedIn(String base, String user) throws Exception {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password=demo";
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 302 && r.statusCode() != 303 && r.statusCode() != 200) {
                throw new IllegalStateException("sign-in of " + user + " answered " + r.statusCode());
            }
            return client;
        }

        /** Sends the case's request, reads the whole answer; returns the status. */
        int send(Case c) throws Exception {
            HttpClient client = c.officer() ? officer : auditor;
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + c.path())).timeout(Duration.ofMinutes(10));
            if (c.json() != null) {
                b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(c.json()));
            }
            HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return r.statusCode();
        }
    }

    static boolean ok(Case c, int status) {
        return c.kind() == Kind.WRITE ? status == 201 : status == 200;
    }

    // ---------------------------------------------------------------- capture

    static void capture(Map<String, String> opt) throws Exception {
        App app = new App(opt.get("base"));
        Path log = Path.of(opt.get("log"));
        boolean h2 = opt.get("kind").equals("h2");
        String db = opt.get("db");
        List<Captured> captured = new ArrayList<>();
        awaitKeptAnnualLosses(opt);
        // H2's trace level is the database's and can change while the app runs: no restart between capture and measure.
        Connection traceSwitch = h2 ? DriverManager.getConnection(opt.get("jdbc"), "sa", "") : null;
        if (traceSwitch != null) {
            traceSwitch.createStatement().execute("SET TRACE_LEVEL_FILE 2");
        }
        for (Case c : cases()) {
            try {
                captured.addAll(captureOne(app, c, log, h2, db));
            } catch (IOException e) {
                System.out.printf("  capture %-40s failed (%s): not measured%n", c.name(), e.getMessage());
            }
        }
        if (traceSwitch != null) {
            traceSwitch.createStatement().execute("SET TRACE_LEVEL_FILE 0");
            traceSwitch.close();
        }
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(Path.of(opt.get("out"))))) {
            out.writeObject(new ArrayList<>(captured));
        }
        if (opt.containsKey("sql-dump")) {
            try (BufferedWriter w = Files.newBufferedWriter(Path.of(opt.get("sql-dump")))) {
                for (Captured cap : captured) {
                    w.write("## " + cap.c().name() + "  " + cap.c().path() + "\n");
                    for (Stmt s : cap.stmts()) {
                        w.write(s.sql().replace('\n', ' ') + "\n    -- " + s.params() + "\n");
                    }
                }
            }
        }
    }

    /**
     * Waits for the app's first refresh of the kept annual losses after the data load (the load marks every year of
     * the ledger), so that pages are captured and measured as they run between changes, not while the SMA page
     * still counts its years from the lines.
     */
    static void awaitKeptAnnualLosses(Map<String, String> opt) throws Exception {
        long start = System.nanoTime();
        try (Connection con = DriverManager.getConnection(opt.get("jdbc"), opt.getOrDefault("user", "sa"),
                opt.getOrDefault("password", ""))) {
            while (true) {
                try (Statement s = con.createStatement();
                        ResultSet marks = s.executeQuery("select count(*) from loss_year_mark")) {
                    marks.next();
                    if (marks.getLong(1) == 0) {
                        break;
                    }
                }
                if (System.nanoTime() - start > 1_800_000_000_000L) {
                    throw new IllegalStateException("the kept annual losses were not refreshed within 30 minutes");
                }
                Thread.sleep(500);
            }
        }
        System.out.printf("  kept annual losses refreshed (%.1f s after the app was ready)%n",
                (System.nanoTime() - start) / 1e9);
    }

    static List<Captured> captureOne(App app, Case c, Path log, boolean h2, String db) throws Exception {
        int warm = app.send(c);
        // Twice, keeping the shorter: a scheduled job that ran during one request does not run during both.
        List<Stmt> stmts = null;
        int status = 0;
        for (int window = 0; window < 2; window++) {
            Thread.sleep(200);
            long from = Files.size(log);
            status = app.send(c);
            Thread.sleep(300);   // what the app logs after answering (after-commit work) belongs to the request
            String text = readFrom(log, from);
            List<Stmt> logged = h2 ? parseH2(text) : parsePostgres(text, db);
            if (stmts == null || logged.size() < stmts.size()) {
                stmts = logged;
            }
        }
        if (!ok(c, status) || !ok(c, warm)) {
            System.out.printf("  capture %-40s HTTP %d (warm-up %d): not measured%n", c.name(), status, warm);
            return List.of();
        }
        System.out.printf("  capture %-40s %3d statements%n", c.name(), stmts.size());
        return List.of(new Captured(c, stmts));
    }

    static String readFrom(Path file, long from) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            byte[] bytes = new byte[(int) Math.max(0, length - from)];
            f.seek(from);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static final Pattern H2_SQL = Pattern.compile("/\\*SQL( l:(\\d+))?[^*]*\\*/(.*);$", Pattern.MULTILINE);

    /**
     * H2 trace: {@code /*SQL l:<length> #:<rows> t:<ms>*&#47;<sql> {1: <literal>, 2: ...};} on one line, Java-escaped
     * (StringUtils.javaEncode); {@code l:} is the length of the SQL once decoded, present when there are parameters.
     */
    static List<Stmt> parseH2(String text) {
        List<Stmt> stmts = new ArrayList<>();
        Matcher m = H2_SQL.matcher(text);
        while (m.find()) {
            String decoded = org.h2.util.StringUtils.javaDecode(m.group(3));
            String sql = decoded;
            List<String> params = new ArrayList<>();
            if (m.group(2) != null) {
                int length = Integer.parseInt(m.group(2));
                sql = decoded.substring(0, length);
                String rest = decoded.substring(length);
                if (rest.startsWith(" {")) {
                    literalList(rest, 2, params, '}');
                }
            }
            if (!skipped(sql)) {
                stmts.add(new Stmt(sql, params));
            }
        }
        return stmts;
    }

    /** Reads {@code 1: lit, 2: lit}} (H2) from i; returns the index after the closing brace. */
    static int literalList(String t, int i, List<String> out, char close) {
        while (i < t.length() && t.charAt(i) != close) {
            int colon = t.indexOf(": ", i);
            int j = colon + 2;
            int depth = 0;
            boolean quoted = false;
            StringBuilder lit = new StringBuilder();
            for (; j < t.length(); j++) {
                char ch = t.charAt(j);
                if (quoted) {
                    if (ch == '\'') {
                        if (j + 1 < t.length() && t.charAt(j + 1) == '\'') {
                            lit.append("''");
                            j++;
                            continue;
                        }
                        quoted = false;
                    }
                } else if (ch == '\'') {
                    quoted = true;
                } else if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    depth--;
                } else if (depth == 0 && (ch == ',' || ch == close)) {
                    break;
                }
                lit.append(ch);
            }
            out.add(lit.toString());
            i = j < t.length() && t.charAt(j) == ',' ? j + 2 : j;
        }
        return i + 1;
    }

    static final Pattern PG_LINE = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+ \\S+ \\[\\d+\\] (\\S*)@(\\S*) (LOG|DETAIL|ERROR|STATEMENT):  (.*)$");
    static final Pattern PG_EXECUTE = Pattern.compile("duration: [\\d.]+ ms  (execute [^:]+|statement): (.*)", Pattern.DOTALL);

    /** PostgreSQL server log, this database's lines only: {@code execute <name>: <sql>} then its parameters. */
    static List<Stmt> parsePostgres(String text, String db) {
        List<String[]> entries = new ArrayList<>();   // {database, level, message}
        for (String line : text.split("\n", -1)) {
            Matcher m = PG_LINE.matcher(line);
            if (m.matches()) {
                entries.add(new String[] {m.group(2), m.group(3), m.group(4)});
            } else if (!entries.isEmpty() && line.startsWith("\t")) {
                String[] last = entries.get(entries.size() - 1);
                last[2] = last[2] + "\n" + line.substring(1);
            }
        }
        List<Stmt> stmts = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            String[] e = entries.get(k);
            if (!e[0].equals(db) || !e[1].equals("LOG")) {
                continue;
            }
            Matcher m = PG_EXECUTE.matcher(e[2]);
            if (!m.matches() || m.group(1).startsWith("execute fetch from")) {
                continue;
            }
            String sql = m.group(2);
            List<String> params = new ArrayList<>();
            if (k + 1 < entries.size() && entries.get(k + 1)[0].equals(db) && entries.get(k + 1)[1].equals("DETAIL")
                    && entries.get(k + 1)[2].startsWith("parameters: ")) {
                String detail = entries.get(k + 1)[2].substring("parameters: ".length());
                String list = detail.replaceAll("(^|, )\\$(\\d+) = ", "$1$2: ");
                literalList(list + "}", 0, params, '}');
            }
            if (!skipped(sql)) {
                stmts.add(new Stmt(sql, params));
            }
        }
        return stmts;
    }

    static boolean skipped(String sql) {
        String s = sql.trim().toUpperCase(Locale.ROOT);
        return s.isEmpty() || s.equals("BEGIN") || s.equals("COMMIT") || s.equals("ROLLBACK") || s.startsWith("SET ")
                || s.startsWith("SHOW ") || s.startsWith("SELECT 1") && s.length() <= 9
                || BACKGROUND.matcher(s).find();
    }

    /**
     * Statements of the scheduled jobs (their cluster locks, the import runner's poll) that ran while a case was
     * captured: not the request's, and a cluster lock's insert fails when replayed. A request's own cluster lock (a
     * write with the bank's reference takes one) is left out with them: one single-row statement.
     */
    static final Pattern BACKGROUND = Pattern.compile("\\b(CLUSTER_LOCK|IMPORT_JOB)\\b");

    // ---------------------------------------------------------------- replay

    static final class Replayer {
        final Connection con;
        final boolean h2;
        long nextKey = 2_000_000_000L;
        int fallbacks;

        Replayer(Connection con, boolean h2) {
            this.con = con;
            this.h2 = h2;
        }

        /**
         * Replays one case in one transaction, rolled back; returns the rows read; an export's rows go to
         * {@code sink}. The keys the captured inserts used are replaced by fresh ones, so an insert runs again.
         */
        long replay(Captured cap, BufferedWriter sink) throws Exception {
            con.setAutoCommit(false);
            Map<String, Object> keys = new HashMap<>();
            // Every insert's keys first: a row may be named before its own insert (the search words of an incident
            // whose insert Hibernate still holds in a batch).
            for (Stmt s : cap.stmts()) {
                freshKeys(s, values(s), keys);
            }
            long rows = 0;
            try {
                for (Stmt s : cap.stmts()) {
                    List<Object> values = values(s);
                    for (int i = 0; i < values.size(); i++) {
                        Object v = values.get(i);
                        if (v != null && keys.containsKey(v.toString())) {
                            values.set(i, keys.get(v.toString()));
                        }
                    }
                    try {
                        rows += run(s, values, sink);
                    } catch (SQLException e) {
                        if (!h2 && inline.add(s)) {
                            fallbacks++;   // next rounds run it with its literals written in
                        }
                        throw e;
                    }
                }
            } finally {
                con.rollback();   // what the request wrote (a write, an export's audit entry, a session touch)
            }
            return rows;
        }

        final java.util.Set<Stmt> inline = new java.util.HashSet<>();

        long run(Stmt s, List<Object> values, BufferedWriter sink) throws SQLException, IOException {
            if (inline.contains(s)) {
                String sql = s.sql();
                for (int i = values.size(); i >= 1; i--) {
                    Object v = values.get(i - 1);
                    sql = sql.replace("$" + i, v == null ? "NULL" : "'" + v.toString().replace("'", "''") + "'");
                }
                try (Statement st = con.createStatement()) {
                    st.setFetchSize(500);
                    return st.execute(sql) ? read(st.getResultSet(), sink) : 0;
                }
            }
            String sql = h2 ? s.sql() : s.sql().replaceAll("\\$\\d+", "?");
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                ps.setFetchSize(500);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null) {
                        ps.setNull(i + 1, h2 ? Types.NULL : Types.OTHER);
                    } else if (h2) {
                        ps.setObject(i + 1, v);
                    } else {
                        ps.setObject(i + 1, v.toString(), Types.OTHER);
                    }
                }
                if (!ps.execute()) {
                    return 0;
                }
                return read(ps.getResultSet(), sink);
            }
        }

        static long read(ResultSet rs, BufferedWriter sink) throws SQLException, IOException {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            long rows = 0;
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    if (sink == null) {
                        rs.getObject(i);
                    } else {
                        String v = rs.getString(i);
                        if (i > 1) {
                            sink.write(',');
                        }
                        if (v != null) {
                            sink.write(v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
                                    ? '"' + v.replace("\"", "\"\"") + '"' : v);
                        }
                    }
                }
                if (sink != null) {
                    sink.write('\n');
                }
                rows++;
            }
            return rows;
        }

        final Map<Stmt, List<Object>> evaluated = new HashMap<>();

        /** The parameters as values: H2 literals evaluated by H2 itself; PostgreSQL's as their text. */
        List<Object> values(Stmt s) throws SQLException {
            List<Object> cached = evaluated.get(s);
            if (cached == null) {
                cached = new ArrayList<>();
                if (h2 && !s.params().isEmpty()) {
                    try (Statement st = con.createStatement();
                            ResultSet rs = st.executeQuery("SELECT " + String.join(", ", s.params()))) {
                        rs.next();
                        for (int i = 1; i <= s.params().size(); i++) {
                            cached.add(rs.getObject(i));
                        }
                    }
                } else {
                    for (String p : s.params()) {
                        cached.add(p.equals("NULL") ? null : p.substring(1, p.length() - 1).replace("''", "'"));
                    }
                }
                evaluated.put(s, cached);
            }
            return new ArrayList<>(cached);
        }

        static final Pattern INSERT = Pattern.compile("(?is)\\s*insert\\s+into\\s+\\S+\\s*\\(([^)]*)\\)\\s*values\\s*\\((.*)\\)\\s*");

        /** The keys an INSERT of the capture wrote (id, reference, hash) get fresh values for this replay. */
        void freshKeys(Stmt s, List<Object> values, Map<String, Object> keys) {
            Matcher m = INSERT.matcher(s.sql());
            if (!m.matches()) {
                return;
            }
            String[] columns = m.group(1).split(",");
            String[] placeholders = m.group(2).split(",");
            if (columns.length != placeholders.length) {
                return;
            }
            int param = 0;
            for (int i = 0; i < columns.length; i++) {
                String p = placeholders[i].trim();
                int index;
                if (p.equals("?")) {
                    index = param++;
                } else if (p.matches("\\$\\d+")) {
                    index = Integer.parseInt(p.substring(1)) - 1;
                } else {
                    continue;
                }
                String column = columns[i].trim().toLowerCase(Locale.ROOT);
                Object v = index < values.size() ? values.get(index) : null;
                if (v == null || keys.containsKey(v.toString())) {
                    continue;
                }
                switch (column) {
                    case "id" -> keys.put(v.toString(), v instanceof Number ? (Object) nextKey++ : String.valueOf(nextKey++));
                    case "reference" -> keys.put(v.toString(), "R-" + (nextKey++));
                    case "hash" -> keys.put(v.toString(), String.format("%064x", nextKey++));
                    default -> {
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- measure

    record Figures(double p50, double p95) {
        static Figures of(List<Double> ms) {
            if (ms.isEmpty()) {
                return new Figures(Double.NaN, Double.NaN);
            }
            double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Figures(s[(s.length - 1) / 2], s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.95) - 1)]);
        }
    }

    /**
     * Requests the pages in turn for {@code seconds} before any is measured, as a running app has served them all:
     * the JIT compiles the code pages share (session check, layout, templates, queries) over the first thousands of
     * requests, and a page measured early would otherwise pay for the warm-up. Measured by hand on the example data:
     * the risks page answered in 32 ms p50 over its first 30 requests, 6.5 ms after 600, 2.6 ms after 1,600. Each page
     * is requested twice; then only those whose second request took under 250 ms (the slow ones are bound by their
     * SQL, and are warmed up by their own uncounted round); the replay of each page's SQL is warmed up with it.
     * Exports and writes warm up in their own first round.
     */
    static void warmUp(App app, Replayer replayer, Connection con, List<Captured> captured, String only, int seconds)
            throws Exception {
        List<Case> quick = new ArrayList<>();
        for (Captured cap : captured) {
            Case c = cap.c();
            if (c.kind() == Kind.PAGE && (only == null || c.name().matches(only)) && !quick.contains(c)) {
                app.send(c);   // a page's first request pays for what it starts lazily: its second is timed
                long t0 = System.nanoTime();
                app.send(c);
                if (System.nanoTime() - t0 < 250_000_000L) {
                    quick.add(c);
                }
            }
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int rounds = 1;
        while (!quick.isEmpty() && System.nanoTime() < end) {
            for (Captured cap : captured) {
                if (quick.contains(cap.c())) {
                    app.send(cap.c());
                    try {
                        replayer.replay(cap, null);   // the bench's own JDBC path warms up alike
                    } catch (SQLException e) {
                        con.rollback();
                    }
                }
            }
            rounds++;
        }
        System.out.printf("warm-up: %d rounds of %d pages in %d s%n", rounds, quick.size(), seconds);
    }

    @SuppressWarnings("unchecked")
    static void measure(Map<String, String> opt) throws Exception {
        List<Captured> captured;
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(opt.get("capture"))))) {
            captured = (List<Captured>) in.readObject();
        }
        boolean h2 = opt.get("kind").equals("h2");
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "20"));
        int exportRounds = Integer.parseInt(opt.getOrDefault("export-rounds", "5"));
        int warmupSeconds = Integer.parseInt(opt.getOrDefault("warmup-seconds", "90"));
        String only = opt.get("only");
        Path work = Path.of(opt.getOrDefault("work", "/tmp"));
        App app = new App(opt.get("base"));
        Map<String, String[]> table = new LinkedHashMap<>();
        try (Connection con = DriverManager.getConnection(opt.get("jdbc"), opt.getOrDefault("user", "sa"),
                opt.getOrDefault("password", ""))) {
            if (h2) {
                // The bench reaches H2 inside the app's process: results stream instead of filling the app's heap.
                con.createStatement().execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            Replayer replayer = new Replayer(con, h2);
            warmUp(app, replayer, con, captured, only, warmupSeconds);
            for (Captured cap : captured) {
                Case c = cap.c();
                if (only != null && !c.name().matches(only)) {
                    continue;
                }
                int n = c.kind() == Kind.EXPORT ? exportRounds : rounds;
                List<Double> appMs = new ArrayList<>();
                List<Double> sqlMs = new ArrayList<>();
                List<Double> copyMs = new ArrayList<>();
                String copySql = null;
                long rows = 0;
                int bad = 0;
                String problem = "";
                Path file = work.resolve("jdbc-stream.csv");
                for (int round = -1; round < n; round++) {   // round -1 warms both up, not counted
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = app.send(c);
                    } catch (IOException e) {
                        status = -1;
                        problem = "HTTP failed: " + e.getMessage();
                    }
                    double a = (System.nanoTime() - t0) / 1e6;
                    if (!ok(c, status)) {
                        bad++;
                    }
                    double q;
                    try {
                        t0 = System.nanoTime();
                        if (c.kind() == Kind.EXPORT) {
                            try (BufferedWriter sink = Files.newBufferedWriter(file)) {
                                rows = replayer.replay(cap, sink);
                            }
                        } else {
                            rows = replayer.replay(cap, null);
                        }
                        q = (System.nanoTime() - t0) / 1e6;
                    } catch (SQLException e) {
                        problem = "replay failed: " + e.getMessage().split("\n")[0];
                        try {
                            con.rollback();
                        } catch (SQLException ignored) {
                            // the next round starts a new transaction
                        }
                        q = Double.NaN;
                    }
                    if (c.kind() == Kind.EXPORT && !h2) {
                        try {
                            if (copySql == null) {
                                copySql = largestSelect(replayer, cap);
                            }
                            t0 = System.nanoTime();
                            copy(con, copySql, work.resolve("copy.csv"));
                            double k = (System.nanoTime() - t0) / 1e6;
                            if (round >= 0) {
                                copyMs.add(k);
                            }
                        } catch (SQLException e) {
                            problem = "COPY failed: " + e.getMessage().split("\n")[0];
                            con.rollback();
                        }
                    }
                    if (round >= 0 && status > 0) {
                        appMs.add(a);
                        if (!Double.isNaN(q)) {
                            sqlMs.add(q);
                        }
                    }
                }
                Figures fa = Figures.of(appMs);
                Figures fs = Figures.of(sqlMs);
                Figures fc = Figures.of(copyMs);
                String[] row = {c.name(), f(fa.p50()), f(fa.p95()), f(fs.p50()), f(fs.p95()),
                        ratio(fa.p95(), fs.p95()),
                        copyMs.isEmpty() ? "" : f(fc.p95()),
                        copyMs.isEmpty() ? "" : ratio(fa.p95(), fc.p95()),
                        String.valueOf(cap.stmts().size()), String.valueOf(rows),
                        verdict(c, fa, fs, fc, copyMs.isEmpty()) + (bad > 0 ? " " + bad + " non-2xx" : "")
                                + (problem.isEmpty() ? "" : " " + problem)};
                table.put(c.name(), row);
                System.out.println(String.join(" | ", row));
            }
            if (replayer.fallbacks > 0) {
                System.out.println("statements replayed with literal parameters: " + replayer.fallbacks);
            }
        }
        String header = "| what | app p50 | app p95 | SQL p50 | SQL p95 | app/SQL p95 | COPY p95 | app/COPY p95 | statements | rows | misses |";
        StringBuilder md = new StringBuilder(header + "\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (String[] r : table.values()) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        System.out.println();
        System.out.print(md);
        if (opt.containsKey("out")) {
            Files.writeString(Path.of(opt.get("out")), md.toString());
        }
    }

    /** Issue #19's targets: pages p95 ≤ 100 ms and ≤ 2× SQL; exports ≥ 0.7× a JDBC stream, ≤ 3× COPY. */
    static String verdict(Case c, Figures app, Figures sql, Figures copy, boolean noCopy) {
        List<String> misses = new ArrayList<>();
        if (c.kind() == Kind.EXPORT) {
            if (app.p95() > sql.p95() / 0.7) {
                misses.add("< 0.7× JDBC");
            }
            if (!noCopy && app.p95() > 3 * copy.p95()) {
                misses.add("> 3× COPY");
            }
        } else if (c.kind() == Kind.PAGE) {
            if (app.p95() > 100) {
                misses.add("> 100 ms");
            }
            if (app.p95() > 2 * sql.p95()) {
                misses.add("> 2× SQL");
            }
        }
        return String.join(", ", misses);
    }

    static String f(double ms) {
        return Double.isNaN(ms) ? "–" : ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
                : String.format(Locale.ROOT, "%.1f", ms);
    }

    static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "–" : String.format(Locale.ROOT, "%.1f×", a / b);
    }

    /** The export's main query (the one returning most rows) with its parameters written in, for psql \copy. */
    static String largestSelect(Replayer replayer, Captured cap) throws Exception {
        Stmt best = null;
        long most = -1;
        replayer.con.setAutoCommit(false);
        for (Stmt s : cap.stmts()) {
            if (!s.sql().trim().toLowerCase(Locale.ROOT).startsWith("select")) {
                continue;
            }
            long rows = replayer.run(s, replayer.values(s), null);
            if (rows > most) {
                most = rows;
                best = s;
            }
        }
        replayer.con.commit();
        String sql = best.sql();
        for (int i = best.params().size(); i >= 1; i--) {
            sql = sql.replace("$" + i, best.params().get(i - 1));
        }
        return sql.replaceAll("\\s+", " ");
    }

    /** COPY (select ...) TO STDOUT, the protocol psql's \\copy uses, through the driver's CopyManager into a file. */
    static void copy(Connection con, String sql, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            con.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                    .copyOut("COPY (" + sql + ") TO STDOUT WITH (FORMAT csv)", out);
        }
    }

    // ---------------------------------------------------------------- audit chain ceiling

    /**
     * How many audited writes a second the audit chain's single lock lets through, whatever the number of
     * instances (issue #19). Three measurements, each at several numbers of concurrent writers:
     * <ol>
     * <li>"chain": the chain's own transaction in plain JDBC, as {@code AuditWriter} runs it at each commit (lock the
     * head row, insert the entry with its SHA-256, update the head, commit): the ceiling, with no application around
     * it;</li>
     * <li>"no chain": the same insert and commit without the head lock (into a scratch table): what the database
     * commits when writers do not take turns;</li>
     * <li>"app": ledger lines added through the JSON API of every instance given, the writers spread over them, each
     * writer on an incident of its own (so that only the audit chain is shared).</li>
     * </ol>
     */
    static void ceiling(Map<String, String> opt) throws Exception {
        String jdbc = opt.get("jdbc");
        String user = opt.getOrDefault("user", "postgres");
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "10"));
        int[] writers = java.util.Arrays.stream(opt.getOrDefault("threads", "1,2,4,8,16,32").split(","))
                .mapToInt(Integer::parseInt).toArray();
        List<String> apps = List.of(opt.get("apps").split(","));
        try (Connection con = DriverManager.getConnection(jdbc, user, opt.getOrDefault("password", ""));
                Statement st = con.createStatement()) {
            st.execute("create table if not exists bench_unchained (id bigserial primary key, occurred_at timestamp"
                    + " with time zone, details varchar(4000), hash varchar(64))");
        }
        List<HttpClient> officers = new ArrayList<>();
        for (String base : apps) {
            officers.add(App.signedIn(base, "officer"));
        }
        int most = java.util.Arrays.stream(writers).max().orElse(1);
        List<String> incidents = new ArrayList<>();
        for (int w = 0; w < most; w++) {
            HttpResponse<String> r = officers.get(w % apps.size()).send(HttpRequest.newBuilder(URI.create(apps.get(
                    w % apps.size()) + "/api/incidents")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(NEW_INCIDENT)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 201 || !location.matches(".*/api/incidents/\\d+$")) {
                throw new IllegalStateException("could not create an incident: " + r.statusCode() + " " + r.body());
            }
            incidents.add(location.substring(location.lastIndexOf('/') + 1));
        }
        StringBuilder md = new StringBuilder("| writers | chain, JDBC: writes/s | p95 ms | no chain, JDBC: writes/s"
                + " | p95 ms | app, " + apps.size() + " instance(s): writes/s | p95 ms |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int n : writers) {
            Figures[] chain = new Figures[1];
            double chained = concurrently(n, seconds, chain, w -> {
                Connection c = DriverManager.getConnection(jdbc, user, opt.getOrDefault("password", ""));
                c.setAutoCommit(false);
                return () -> chainedWrite(c);
            });
            Figures[] free = new Figures[1];
            double unchained = concurrently(n, seconds, free, w -> {
                Connection c = DriverManager.getConnection(jdbc, user, opt.getOrDefault("password", ""));
                c.setAutoCommit(false);
                return () -> unchainedWrite(c);
            });
            Figures[] app = new Figures[1];
            double viaApp = concurrently(n, seconds, app, w -> {
                HttpClient client = officers.get(w % apps.size());
                HttpRequest line = HttpRequest.newBuilder(URI.create(apps.get(w % apps.size()) + "/api/incidents/"
                        + incidents.get(w) + "/losses")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(NEW_LINE)).build();
                return () -> {
                    int status = client.send(line, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 201) {
                        throw new IllegalStateException("a ledger line answered " + status);
                    }
                };
            });
            String row = String.format(Locale.ROOT, "| %d | %.0f | %s | %.0f | %s | %.0f | %s |", n, chained,
                    f(chain[0].p95()), unchained, f(free[0].p95()), viaApp, f(app[0].p95()));
            System.out.println(row);
            md.append(row).append('\n');
        }
        try (Connection con = DriverManager.getConnection(jdbc, user, opt.getOrDefault("password", ""));
                Statement st = con.createStatement()) {
            st.execute("drop table bench_unchained");
        }
        System.out.println();
        System.out.print(md);
        if (opt.containsKey("out")) {
            Files.writeString(Path.of(opt.get("out")), md.toString());
        }
    }

    interface Write {
        void run() throws Exception;
    }

    interface Writer {
        Write open(int index) throws Exception;
    }

    /** Runs n writers released together for that long; answers the writes a second, and their latency. */
    static double concurrently(int n, int seconds, Figures[] latency, Writer writer) throws Exception {
        List<Write> writes = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            writes.add(writer.open(w));
        }
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Double> times = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] deadline = new long[1];
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
        for (Write write : writes) {
            done.add(pool.submit(() -> {
                start.await();
                int count = 0;
                while (System.nanoTime() < deadline[0]) {
                    long t = System.nanoTime();
                    write.run();
                    times.add((System.nanoTime() - t) / 1e6);
                    count++;
                }
                return count;
            }));
        }
        long began = System.nanoTime();
        deadline[0] = began + seconds * 1_000_000_000L;
        start.countDown();
        long total = 0;
        for (java.util.concurrent.Future<Integer> f : done) {
            total += f.get();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        latency[0] = Figures.of(new ArrayList<>(times));
        return total / elapsed;
    }

    static void chainedWrite(Connection c) throws Exception {
        long id;
        String previous;
        try (PreparedStatement head = c.prepareStatement("select last_id, last_hash from audit_head where id = 1"
                + " for update"); ResultSet row = head.executeQuery()) {
            row.next();
            id = row.getLong(1) + 1;
            previous = row.getString(2);
        }
        String details = "bench entry " + id;
        String hash = sha256(id + "|" + details + "|" + previous);
        try (PreparedStatement insert = c.prepareStatement("insert into audit_entry (id, occurred_at, username,"
                + " action, record_type, record_id, record_label, parent_type, parent_id, changes, details, prev_hash,"
                + " hash, seeded) values (?, ?, 'bench', 'EXPORT', null, null, null, null, null, null, ?, ?, ?, false)")) {
            insert.setLong(1, id);
            insert.setObject(2, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            insert.setString(3, details);
            insert.setString(4, previous);
            insert.setString(5, hash);
            insert.executeUpdate();
        }
        try (PreparedStatement head = c.prepareStatement("update audit_head set last_id = ?, last_hash = ?"
                + " where id = 1")) {
            head.setLong(1, id);
            head.setString(2, hash);
            head.executeUpdate();
        }
        c.commit();
    }

    static void unchainedWrite(Connection c) throws Exception {
        String details = "bench entry " + System.nanoTime();
        try (PreparedStatement insert = c.prepareStatement("insert into bench_unchained (occurred_at, details, hash)"
                + " values (?, ?, ?)")) {
            insert.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            insert.setString(2, details);
            insert.setString(3, sha256(details));
            insert.executeUpdate();
        }
        c.commit();
    }

    static String sha256(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }
}
