package org.opregister.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * SHA-256 over an entry's content and the previous entry's hash. Each field is length-prefixed, so no two
 * different entries have the same canonical text. A seeded entry's text ends with one more part, so the mark
 * cannot be added or removed unnoticed while every other entry hashes as it always has.
 */
public final class AuditHash {

    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    public static String of(long id, Instant occurredAt, String username, String action, String recordType,
            String recordId, String recordLabel, String parentType, String parentId, String changes, String details,
            String previousHash) {
        return of(id, occurredAt, username, action, recordType, recordId, recordLabel, parentType, parentId, changes,
                details, previousHash, false);
    }

    public static String of(long id, Instant occurredAt, String username, String action, String recordType,
            String recordId, String recordLabel, String parentType, String parentId, String changes, String details,
            String previousHash, boolean seeded) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[]{Long.toString(id), DateTimeFormatter.ISO_INSTANT.format(occurredAt), username,
                action, recordType, recordId, recordLabel, parentType, parentId, changes, details, previousHash}) {
            if (part == null) {
                text.append("-1:");
            } else {
                text.append(part.length()).append(':').append(part);
            }
            text.append('|');
        }
        if (seeded) {
            text.append("6:seeded|");
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
