package org.opregister.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real OpenLDAP server (Debian's slapd, started by src/test/ldap/start-slapd.sh) holding the test directory of
 * src/test/ldap/directory.ldif, and the settings that point the application at it: look-up with a service
 * account, groups from memberOf, the officer role by group name, the manager role by distinguished name.
 */
public class SlapdServer implements QuarkusTestResourceLifecycleManager {

    static final String BASE = "dc=bank,dc=example";
    static final String PEOPLE = "ou=people," + BASE;
    static final String GROUPS = "ou=groups," + BASE;

    private static final Path WORK = Path.of("target", "slapd");
    private static int port;

    /** With init argument groups=search: groups found by a search of the groups, not from memberOf. */
    private boolean groupSearch;

    @Override
    public void init(Map<String, String> initArgs) {
        groupSearch = "search".equals(initArgs.get("groups"));
    }

    @Override
    public Map<String, String> start() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        launch();
        Map<String, String> settings = new HashMap<>(Map.of("oprisk.ldap.url", url(), "oprisk.ldap.bind-dn",
                "cn=register,ou=services," + BASE, "oprisk.ldap.bind-password", "service-account-secret",
                "oprisk.ldap.user-search-base", PEOPLE, "oprisk.directory.officer-groups", "risk-officers",
                "oprisk.directory.manager-groups", "cn=Risk-Managers, ou=groups, dc=bank, dc=example",
                "oprisk.directory.auditor-groups", "internal-audit"));
        if (groupSearch) {
            settings.put("oprisk.ldap.group-attribute", "description");
            settings.put("oprisk.ldap.group-search-base", GROUPS);
        }
        return settings;
    }

    @Override
    public void stop() {
        halt();
    }

    public static String url() {
        return "ldap://127.0.0.1:" + port + "/";
    }

    /** Starts the server with the test directory as in the LDIF file (a fresh copy each time). */
    static void launch() {
        run(Path.of("src", "test", "ldap", "start-slapd.sh").toAbsolutePath().toString(),
                WORK.toAbsolutePath().toString(), String.valueOf(port));
    }

    /** Starts the server again after {@link #halt()}, with its entries as they were. */
    static void resume() {
        run(Path.of("src", "test", "ldap", "start-slapd.sh").toAbsolutePath().toString(),
                WORK.toAbsolutePath().toString(), String.valueOf(port), "--again");
    }

    /** Stops the server at once, as a directory outage. */
    static void halt() {
        Path pid = WORK.resolve("slapd.pid");
        try {
            if (Files.exists(pid)) {
                run("kill", "-KILL", Files.readString(pid).strip());
                Files.delete(pid);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds (or, with {@code add} false, removes) a member of a group, as the directory's administrator. */
    static void membership(String group, String userUid, boolean add) throws Exception {
        DirContext admin = asAdministrator();
        try {
            admin.modifyAttributes("cn=" + group + "," + GROUPS,
                    new ModificationItem[]{new ModificationItem(
                            add ? DirContext.ADD_ATTRIBUTE : DirContext.REMOVE_ATTRIBUTE,
                            new BasicAttribute("member", "uid=" + userUid + "," + PEOPLE))});
        } finally {
            admin.close();
        }
    }

    /** Adds a value to an attribute of a person's entry (what an entry may do to itself where ACLs let it). */
    static void addValue(String userUid, String attribute, String value) throws Exception {
        DirContext admin = asAdministrator();
        try {
            admin.modifyAttributes("uid=" + userUid + "," + PEOPLE, new ModificationItem[]{
                    new ModificationItem(DirContext.ADD_ATTRIBUTE, new BasicAttribute(attribute, value))});
        } finally {
            admin.close();
        }
    }

    /**
     * Deletes a person's entry and makes a new one of the same username and password, in the same group: the
     * directory gives the name to someone else (a new entryUUID).
     */
    static void recreate(String userUid, String password, String group) throws Exception {
        membership(group, userUid, false);
        DirContext admin = asAdministrator();
        String dn = "uid=" + userUid + "," + PEOPLE;
        try {
            admin.destroySubcontext(dn);
            javax.naming.directory.BasicAttributes attributes = new javax.naming.directory.BasicAttributes(true);
            BasicAttribute classes = new BasicAttribute("objectClass");
            classes.add("inetOrgPerson");
            attributes.put(classes);
            attributes.put("uid", userUid);
            attributes.put("cn", "Second Holder");
            attributes.put("sn", "Holder");
            attributes.put("userPassword", password);
            admin.createSubcontext(dn, attributes).close();
        } finally {
            admin.close();
        }
        membership(group, userUid, true);
    }

    private static DirContext asAdministrator() throws Exception {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(javax.naming.Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(javax.naming.Context.PROVIDER_URL, url());
        env.put(javax.naming.Context.SECURITY_AUTHENTICATION, "simple");
        env.put(javax.naming.Context.SECURITY_PRINCIPAL, "cn=admin," + BASE);
        env.put(javax.naming.Context.SECURITY_CREDENTIALS, "directory-admin-secret");
        return new InitialDirContext(env);
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("slapd could not be started (is Debian's slapd installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
