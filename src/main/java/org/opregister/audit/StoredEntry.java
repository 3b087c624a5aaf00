package org.opregister.audit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** An audit entry as it will be stored, before it has its id and hashes: the draft cleaned, its changes as JSON. */
record StoredEntry(Instant at, String username, String action, String recordType, String recordId,
        String recordLabel, String parentType, String parentId, String changes, String details, boolean seeded) {

    static StoredEntry of(AuditDraft raw) {
        AuditDraft draft = raw.cleaned();
        return new StoredEntry(draft.occurredAt().truncatedTo(ChronoUnit.MICROS), draft.username(),
                draft.action().name(), draft.recordType(), draft.recordId(),
                AuditWriter.truncate(draft.recordLabel(), 200), draft.parentType(), draft.parentId(),
                draft.changes().isEmpty() ? null : AuditWriter.json(draft.changes()), draft.details(),
                draft.seeded());
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
        for (String text : new String[]{username, action, recordType, recordId, recordLabel, parentType, parentId,
                changes, details}) {
            writeText(out, text);
        }
        out.writeBoolean(seeded);
    }

    static StoredEntry read(DataInput in) throws IOException {
        Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
        return new StoredEntry(at, readText(in), readText(in), readText(in), readText(in), readText(in),
                readText(in), readText(in), readText(in), readText(in), in.readBoolean());
    }

    /** Length-prefixed UTF-8 ({@code writeUTF} stops at 64 KB; changes may be longer), -1 for null. */
    private static void writeText(DataOutput out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
