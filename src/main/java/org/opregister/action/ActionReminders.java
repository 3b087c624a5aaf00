package org.opregister.action;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.opregister.core.AppClock;
import org.opregister.core.Messages;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Role;
import org.opregister.security.User;

/**
 * E-mails owners a set number of days before a plan is due and once it is overdue, and managers a weekly digest of
 * their review queue. Each reminder is claimed in the database before it is sent and marked sent after, so several
 * instances sharing one database send it once; a reminder that fails to send gives its claim back, and one whose
 * instance died before sending is taken over by a later run (see {@link ReminderLog}).
 */
@ApplicationScoped
public class ActionReminders {

    @Inject
    Mailer mailer;

    @Inject
    OpriskConfig config;

    @Scheduled(cron = "{oprisk.actions.reminder-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        send(AppClock.today());
    }

    /** Sends what is due on the given day; answers how many e-mails went out. */
    public int send(LocalDate today) {
        return Reminder.sendOnce(mailer, QuarkusTransaction.requiringNew().call(() -> reminders(today)));
    }

    List<Reminder> reminders(LocalDate today) {
        List<Reminder> reminders = new ArrayList<>();
        List<ActionPlan> soon = ActionPlan.list("status in ?1 and dueDate >= ?2 and dueDate <= ?3 order by dueDate, id",
                ActionStatus.OPEN, today, today.plusDays(config.actions().reminderDays()));
        for (ActionPlan action : soon) {
            owner(action).ifPresent(
                    owner -> reminders.add(new Reminder("due-soon:" + action.id + ":" + action.dueDate, owner,
                            Messages.get(owner.language(), "mail.dueSoon.subject", action.reference, action.dueDate),
                            Messages.get(owner.language(), "mail.dueSoon.body", owner.displayName, action.reference,
                                    action.title,
                                    action.dueDate, action.progress, link(action)))));
        }
        List<ActionPlan> late = ActionPlan.list("status in ?1 and dueDate < ?2 order by dueDate, id", ActionStatus.OPEN,
                today);
        for (ActionPlan action : late) {
            owner(action)
                    .ifPresent(owner -> reminders.add(new Reminder("overdue:" + action.id + ":" + action.dueDate, owner,
                            Messages.get(owner.language(), "mail.overdue.subject", action.reference),
                            Messages.get(owner.language(), "mail.overdue.body", owner.displayName, action.reference,
                                    action.title,
                                    action.dueDate,
                                    java.time.temporal.ChronoUnit.DAYS.between(action.dueDate, today),
                                    link(action)))));
        }
        if (today.getDayOfWeek() == config.actions().digestDay()) {
            String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            for (User manager : User.<User>list("enabled = true order by username")) {
                if (!manager.hasRole(Role.MANAGER) || manager.email == null) {
                    continue;
                }
                Locale locale = manager.language();
                List<ActionPlan> closures = ActionPlan.awaitingDecisionBy(manager.username);
                List<ActionExtension> extensions = ActionExtension.awaitingDecisionBy(manager.username);
                if (closures.isEmpty() && extensions.isEmpty()) {
                    continue;
                }
                String lines = closures.stream()
                        .map(a -> Messages.get(locale, "mail.digest.closure", a.reference, a.title,
                                link(a)))
                        .collect(Collectors.joining("\n"));
                String extensionLines = extensions.stream().map(e -> Messages.get(locale, "mail.digest.extension",
                        e.action.reference, e.action.title, e.requestedDueDate, link(e.action)))
                        .collect(Collectors.joining("\n"));
                reminders.add(new Reminder("digest:" + manager.username + ":" + week, manager,
                        Messages.get(locale, "mail.digest.subject", closures.size() + extensions.size()),
                        Messages.get(locale, "mail.digest.body", manager.displayName, lines.isEmpty() ? "-" : lines,
                                extensionLines.isEmpty() ? "-" : extensionLines,
                                config.baseUrl() + "/actions/review")));
            }
        }
        return reminders;
    }

    private static java.util.Optional<User> owner(ActionPlan action) {
        return User.findByUsername(action.owner).filter(u -> u.enabled && u.email != null);
    }

    private String link(ActionPlan action) {
        return config.baseUrl() + "/actions/" + action.id;
    }
}
