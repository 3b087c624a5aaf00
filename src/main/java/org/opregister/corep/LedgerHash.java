package org.opregister.corep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.opregister.corep.ReturnInput.LedgerLine;

/**
 * The SHA-256 of the ledger lines a return was computed from, so an auditor can tell whether the data behind a
 * download has changed. The canonical serialisation (README, "COREP C 17.01 and C 17.02"): the lines sorted by id,
 * each written as {@code id;incidentId;type;recoveryStatus;reportingAmount;accountingDate;businessLine} followed by
 * a line feed ({@code \n}), in UTF-8; the recovery status is empty for a loss line, the amount in plain notation with
 * two decimals ({@code 1260000.00}), the date ISO-8601, the type and business line as their codes. The hash is the
 * lower-case hexadecimal SHA-256 of those bytes.
 */
public final class LedgerHash {

    private LedgerHash() {
    }

    public static String serialise(List<LedgerLine> lines) {
        StringBuilder text = new StringBuilder();
        lines.stream().sorted(Comparator.comparingLong(LedgerLine::id)).forEach(line -> text.append(line.id())
                .append(';').append(line.incidentId()).append(';').append(line.type().name()).append(';')
                .append(line.status() == null ? "" : line.status().name()).append(';')
                .append(line.amount().setScale(2).toPlainString()).append(';').append(line.accountingDate())
                .append(';').append(line.businessLine().name()).append('\n'));
        return text.toString();
    }

    public static String of(List<LedgerLine> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(serialise(lines).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
