package org.opregister.security;

import java.util.List;

/**
 * What the bank's directory says of a user who proved who they are: an LDAP entry after a bind, or the claims of an
 * OpenID Connect ID token. The id is the directory's own (entryUUID, objectGUID, the token's subject).
 */
public record DirectoryEntry(String username, String id, String displayName, String email, List<String> groups) {
}
