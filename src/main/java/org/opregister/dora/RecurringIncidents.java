package org.opregister.dora;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.JobRuns;
import org.opregister.core.Records;
import org.opregister.core.RuleViolationException;
import org.opregister.core.StampListener;

/**
 * The monthly assessment of recurring incidents (Delegated Regulation 2024/1772, Art. 8(2)): ICT-related incidents
 * that are not major one by one, occurred within the six months up to the run, and have the same apparent root
 * cause (the incident's root-cause text, compared without case and extra spaces) are taken together: their figures
 * summed (clients, shares, durations, costs), their conditions joined (any service, any Member State, any
 * reputational or data impact); when that meets Art. 8(1), the group is proposed for a manager to confirm or
 * dismiss. The run is claimed once per month across instances ({@link JobRuns}), and a proposal is unique per month
 * and cause.
 */
@ApplicationScoped
public class RecurringIncidents {

    static final String JOB = "dora-recurring";
    static final int MONTHS = 6;

    @Scheduled(cron = "{oprisk.dora.recurring-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void monthly() {
        assess(AppClock.today());
    }

    /** Assesses the six months up to {@code day}; answers how many groups it proposed (0: the month was done). */
    public int assess(LocalDate day) {
        String run = YearMonth.from(day).toString();
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!JobRuns.claim(JOB, run)) {
                return 0;
            }
            int proposed = 0;
            for (Map.Entry<String, List<DoraRecord>> group : groups(day).entrySet()) {
                DoraClassifier.Result result = DoraClassifier.classify(together(group.getValue()));
                if (!result.major() || DoraRecurring.of(run, group.getKey()) != null) {
                    continue;
                }
                DoraRecurring proposal = new DoraRecurring();
                proposal.runKey = run;
                proposal.causeKey = group.getKey();
                proposal.rootCause = group.getValue().get(0).incident.rootCause;
                proposal.thresholdsMet = result.articlesMet();
                group.getValue().forEach(r -> proposal.incidents.add(r.incident));
                proposal.persist();
                proposed++;
            }
            return proposed;
        });
    }

    /** The candidates of the six months up to the day, by root cause; groups of two or more. */
    static Map<String, List<DoraRecord>> groups(LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant start = day.minusMonths(MONTHS).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, List<DoraRecord>> groups = new LinkedHashMap<>();
        for (DoraRecord record : DoraRecord.recurringCandidates()) {
            Instant occurred = occurred(record);
            String key = causeKey(record.incident.rootCause);
            if (key == null || occurred.isBefore(start) || !occurred.isBefore(end)) {
                continue;
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
        }
        groups.values().removeIf(list -> list.size() < 2);
        return groups;
    }

    static Instant occurred(DoraRecord record) {
        return record.occurredAt != null
                ? record.occurredAt
                : record.incident.occurrenceDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The root cause as compared: lower case, spaces collapsed, at most 200 characters; null when blank. */
    static String causeKey(String rootCause) {
        if (rootCause == null || rootCause.isBlank()) {
            return null;
        }
        String key = rootCause.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return key.length() > DoraRecurring.CAUSE_KEY_MAX ? key.substring(0, DoraRecurring.CAUSE_KEY_MAX) : key;
    }

    /** The group's inputs taken together (Art. 8(2)(c): "collectively"). */
    static DoraClassifier.Inputs together(List<DoraRecord> records) {
        List<DoraClassifier.Inputs> all = records.stream().map(DoraRecord::inputs).toList();
        Set<String> states = new TreeSet<>();
        all.forEach(i -> states.addAll(i.memberStates()));
        return new DoraClassifier.Inputs(all.stream().anyMatch(DoraClassifier.Inputs::criticalServiceAffected),
                all.stream().anyMatch(DoraClassifier.Inputs::supervisedServices),
                sumLong(all.stream().map(DoraClassifier.Inputs::clientsAffected).toList()),
                sum(all.stream().map(DoraClassifier.Inputs::clientsShare).toList()),
                sum(all.stream().map(DoraClassifier.Inputs::counterpartsShare).toList()),
                sum(all.stream().map(DoraClassifier.Inputs::transactionsShare).toList()),
                sum(all.stream().map(DoraClassifier.Inputs::transactionsValueShare).toList()),
                all.stream().anyMatch(DoraClassifier.Inputs::relevantAffected),
                all.stream().anyMatch(DoraClassifier.Inputs::mediaCoverage),
                all.stream().anyMatch(DoraClassifier.Inputs::complaints),
                all.stream().anyMatch(DoraClassifier.Inputs::lostClients),
                all.stream().anyMatch(DoraClassifier.Inputs::regulatoryAttention),
                sumDuration(all.stream().map(DoraClassifier.Inputs::duration).toList()),
                sumDuration(all.stream().map(DoraClassifier.Inputs::downtime).toList()), states,
                all.stream().anyMatch(DoraClassifier.Inputs::dataAvailability),
                all.stream().anyMatch(DoraClassifier.Inputs::dataAuthenticity),
                all.stream().anyMatch(DoraClassifier.Inputs::dataIntegrity),
                all.stream().anyMatch(DoraClassifier.Inputs::dataConfidentiality),
                all.stream().anyMatch(DoraClassifier.Inputs::dataAdverse),
                sum(all.stream().map(DoraClassifier.Inputs::economicImpact).toList()),
                all.stream().anyMatch(DoraClassifier.Inputs::maliciousAccess));
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().filter(v -> v != null).reduce(BigDecimal::add).orElse(null);
    }

    private static Long sumLong(List<Long> values) {
        return values.stream().filter(v -> v != null).reduce(Long::sum).orElse(null);
    }

    private static Duration sumDuration(List<Duration> values) {
        return values.stream().filter(v -> v != null).reduce(Duration::plus).orElse(null);
    }

    /** A manager confirms (one major incident) or dismisses a proposal; decided once, version checked. */
    @Transactional
    public DoraRecurring decide(long id, long version, boolean confirm) {
        return Edits.guarded(() -> {
            DoraRecurring proposal = Records.require(DoraRecurring.class, id);
            Edits.requireVersion(version, proposal.version);
            if (proposal.status != RecurringStatus.PROPOSED) {
                throw new RuleViolationException("error.doraRecurringDecided");
            }
            proposal.status = confirm ? RecurringStatus.CONFIRMED : RecurringStatus.DISMISSED;
            proposal.decidedBy = StampListener.currentUser();
            proposal.decidedAt = StampListener.now();
            return proposal;
        });
    }
}
