package org.opregister.dora;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.opregister.action.Reminder;
import org.opregister.core.AppClock;
import org.opregister.core.LocalFormats;
import org.opregister.core.Messages;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Role;
import org.opregister.security.User;

/**
 * E-mails the incident's owner and the managers {@code oprisk.dora.reminder-before} (one hour) before the time limit
 * of a major incident's next report. The owner is the user whose username is the incident's owner, else whoever
 * created the DORA record (the incident's owner is a name, not always an account). Each reminder is claimed in
 * the reminders' log before it is sent and marked sent after ({@code action.Reminder}), so instances sharing a database
 * send it once.
 */
@ApplicationScoped
public class DoraReminders {

    @Inject
    Mailer mailer;

    @Inject
    OpriskConfig config;

    @Scheduled(cron = "{oprisk.dora.reminder-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyFewMinutes() {
        send(AppClock.now());
    }

    /**
     * Sends the reminders of the time limits falling within the reminder period after {@code now}; answers how many.
     */
    public int send(Instant now) {
        return Reminder.sendOnce(mailer, QuarkusTransaction.requiringNew().call(() -> reminders(now)));
    }

    List<Reminder> reminders(Instant now) {
        ReportingClock clock = DoraDeadlines.clock(config);
        Instant until = now.plus(config.dora().reminderBefore());
        List<User> managers = User.<User>list("enabled = true order by username").stream()
                .filter(u -> u.hasRole(Role.MANAGER) && u.email != null).toList();
        List<Reminder> reminders = new ArrayList<>();
        for (DoraRecord record : DoraRecord.majors()) {
            DoraDeadlines.Schedule schedule = DoraDeadlines.schedule(clock, record, DoraReport.of(record));
            if (schedule.nextDue() == null || !schedule.nextDue().isAfter(now) || schedule.nextDue().isAfter(until)) {
                continue;
            }
            Map<String, User> recipients = new LinkedHashMap<>();
            owner(record).ifPresent(u -> recipients.put(u.username, u));
            managers.forEach(u -> recipients.putIfAbsent(u.username, u));
            for (User to : recipients.values()) {
                Locale locale = to.language();
                String stage = Messages.get(locale, "enum.ReportStage." + schedule.next());
                String due = LocalFormats.zoned(schedule.nextDue().atZone(DoraDeadlines.zone(config)), locale, false)
                        + " " + config.timezone();
                reminders.add(new Reminder(
                        "dora:" + record.id + ":" + schedule.next() + ":" + schedule.nextDue().getEpochSecond() + ":"
                                + to.username,
                        to, Messages.get(locale, "dora.mail.subject", stage, record.incident.reference),
                        Messages.get(locale, "dora.mail.body", to.displayName, stage, record.incident.reference,
                                record.incident.title, due,
                                config.baseUrl() + "/dora/incidents/" + record.incident.id)));
            }
        }
        return reminders;
    }

    private static java.util.Optional<User> owner(DoraRecord record) {
        return User.findByUsername(record.incident.owner).or(() -> User.findByUsername(record.createdBy))
                .filter(u -> u.enabled && u.email != null);
    }
}
