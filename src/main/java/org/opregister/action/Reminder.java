package org.opregister.action;

import java.util.List;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import org.opregister.core.AppClock;
import org.opregister.security.User;

/**
 * One reminder e-mail: its claim key (unique across every kind of reminder: the kind comes first, e.g. {@code
 * due-soon:}, {@code dora:}), the user, subject and text. {@link #sendOnce} is the one way reminders go out: each
 * is claimed in {@link ReminderLog} before it is sent and marked sent after, so instances sharing a database send it
 * once; one that fails to send gives its claim back, and one whose instance died before sending is taken over by a
 * later run. The action plans' and the DORA reminders use it.
 */
public record Reminder(String key, User to, String subject, String body) {

    private static final Logger LOG = Logger.getLogger(Reminder.class);

    /** Sends those not sent yet (nor being sent elsewhere); answers how many went out. */
    public static int sendOnce(Mailer mailer, List<Reminder> reminders) {
        int sent = 0;
        for (Reminder reminder : reminders) {
            if (!QuarkusTransaction.requiringNew()
                    .call(() -> ReminderLog.claim(reminder.key(), reminder.to().username, AppClock.now()))) {
                continue;
            }
            try {
                mailer.send(Mail.withText(reminder.to().email, reminder.subject(), reminder.body()));
            } catch (RuntimeException e) {
                LOG.warnf("Reminder %s to %s not sent: %s", reminder.key(), reminder.to().username, e.getMessage());
                QuarkusTransaction.requiringNew().run(() -> ReminderLog.deleteById(reminder.key()));
                continue;
            }
            QuarkusTransaction.requiringNew().run(() -> ReminderLog.sent(reminder.key(), AppClock.now()));
            sent++;
        }
        return sent;
    }
}
