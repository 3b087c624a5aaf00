package org.opregister.action;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.core.AppClock;
import org.opregister.security.User;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Overdue, aging and reminders, computed against a fixed day. */
@QuarkusTest
class OverdueAndRemindersTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    ActionReminders reminders;

    @AfterEach
    void realTime() {
        AppClock.fix(null);
    }

    private static void today(LocalDate day) {
        AppClock.fix(Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600), ZoneOffset.UTC));
    }

    @Test
    void overdueAndAgingOnAFixedDay() {
        String tag = "Aging" + System.nanoTime();
        today(LocalDate.of(2030, 1, 1));
        long notDue = start(tag + " A", "2030-06-30");
        long late10 = start(tag + " B", "2030-06-20");
        long late45 = start(tag + " C", "2030-05-16");
        long late120 = start(tag + " D", "2030-03-02");
        today(LocalDate.of(2030, 6, 30));
        assertTrue(!ActionFixtures.action(notDue).overdue());
        assertTrue(ActionFixtures.action(late10).overdue());
        assertEquals(Aging.OVERDUE_1_30, ActionFixtures.action(late10).aging());
        assertEquals(Aging.OVERDUE_31_90, ActionFixtures.action(late45).aging());
        assertEquals(Aging.OVERDUE_OVER_90, ActionFixtures.action(late120).aging());

        var officer = TestSupport.basic("officer");
        officer.request().get("/actions?q=" + tag + "&overdue=true").then().statusCode(200)
                .body(containsString(tag + " B")).body(containsString(tag + " D"))
                .body(not(containsString(tag + " A")));
        officer.request().get("/actions?q=" + tag).then().statusCode(200)
                .body(containsString("data-aging=\"NOT_DUE\">1<"))
                .body(containsString("data-aging=\"OVERDUE_1_30\">1<"))
                .body(containsString("data-aging=\"OVERDUE_31_90\">1<"))
                .body(containsString("data-aging=\"OVERDUE_OVER_90\">1<"));
        officer.request().get("/actions?q=" + tag + "&aging=OVERDUE_31_90").then().statusCode(200)
                .body(containsString(tag + " C")).body(not(containsString(tag + " B")));
        String csv = TestSupport.basic("auditor").request().get("/actions/export.csv?q=" + tag).then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains(tag + " D,NOT_STARTED,true,OVERDUE_OVER_90,HIGH,officer2,2030-03-02"), csv);
    }

    @Test
    void remindersGoOutOnceToTheRightPeopleOnTheRightDay() throws Exception {
        String tag = "Remind" + System.nanoTime();
        today(LocalDate.of(2031, 1, 1));
        long soon = start(tag + " soon", "2031-03-10");
        long later = start(tag + " later", "2031-03-20");
        String soonRef = ActionFixtures.action(soon).reference;
        String laterRef = ActionFixtures.action(later).reference;
        mailbox.clear();

        today(LocalDate.of(2031, 3, 2));
        reminders.send(LocalDate.of(2031, 3, 2));
        assertEquals(0, mails(soonRef).size(), "eight days before: not yet");

        today(LocalDate.of(2031, 3, 3));
        reminders.send(LocalDate.of(2031, 3, 3));
        List<Mail> dueSoon = mails(soonRef);
        assertEquals(1, dueSoon.size(), "seven days before the due date");
        assertEquals(List.of("officer2@example.test"), dueSoon.get(0).getTo());
        assertTrue(dueSoon.get(0).getText().contains("/actions/" + soon));
        assertEquals(0, mails(laterRef).size());
        reminders.send(LocalDate.of(2031, 3, 4));
        assertEquals(1, mails(soonRef).size(), "no reminder twice");

        today(LocalDate.of(2031, 3, 11));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<Integer> run = () -> reminders.send(LocalDate.of(2031, 3, 11));
        List<Future<Integer>> runs = pool.invokeAll(List.of(run, run));
        pool.shutdown();
        for (Future<Integer> each : runs) {
            each.get();
        }
        assertEquals(1, mails(soonRef).stream().filter(m -> m.getSubject().contains("overdue")).count(),
                "overdue once, though two instances ran at the same time");

        ActionFixtures.post(TestSupport.basic("officer2"), later, "/request-closure",
                ActionFixtures.versioned(later, "closureNote", "Evidence E-1")).then().statusCode(303);
        mailbox.clear();
        reminders.send(LocalDate.of(2031, 3, 14));
        assertEquals(0, mailbox.getMailsSentTo("manager@example.test").size(), "digests go out on Mondays only");
        reminders.send(LocalDate.of(2031, 3, 17));
        List<Mail> digest = mailbox.getMailsSentTo("manager@example.test");
        assertEquals(1, digest.size());
        assertTrue(digest.get(0).getText().contains(laterRef), digest.get(0).getText());
        assertEquals(1, mailbox.getMailsSentTo("manager2@example.test").size());
        assertEquals(0, mailbox.getMailsSentTo("officer@example.test").stream()
                .filter(m -> m.getSubject().contains("review queue")).count(), "officers get no digest");
        reminders.send(LocalDate.of(2031, 3, 17));
        assertEquals(1, mailbox.getMailsSentTo("manager@example.test").size(), "one digest a week");
    }

    @Test
    void aReminderClaimedByAnInstanceThatDiedIsSentByALaterRun() {
        String tag = "Orphan" + System.nanoTime();
        today(LocalDate.of(2032, 1, 1));
        long action = start(tag, "2032-02-05");
        String reference = ActionFixtures.action(action).reference;
        String key = "due-soon:" + action + ":2032-02-05";
        mailbox.clear();
        // Another instance claimed the reminder ten minutes ago and is still sending: this run leaves it alone.
        today(LocalDate.of(2032, 2, 1));
        Instant now = AppClock.now();
        QuarkusTransaction.requiringNew().run(() -> ReminderLog.claim(key, "officer2", now.minusSeconds(600)));
        reminders.send(LocalDate.of(2032, 2, 1));
        assertEquals(0, mails(reference).size());
        // It died without sending: once its claim is older than the lease, the next run takes it over and sends.
        QuarkusTransaction.requiringNew().run(
                () -> ReminderLog.<ReminderLog>findById(key).claimedAt = now.minus(ReminderLog.LEASE).minusSeconds(1));
        reminders.send(LocalDate.of(2032, 2, 1));
        assertEquals(1, mails(reference).size(), "sent by the run that took the claim over");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ReminderLog.<ReminderLog>findById(key).sentAt != null));
        reminders.send(LocalDate.of(2032, 2, 1));
        assertEquals(1, mails(reference).size(), "and recorded as sent, so never again");
    }

    @Test
    void aReminderIsWrittenInTheRecipientsLanguage() {
        String tag = "Langue" + System.nanoTime();
        today(LocalDate.of(2033, 1, 1));
        long action = start(tag, "2033-02-05");
        String reference = ActionFixtures.action(action).reference;
        mailbox.clear();
        QuarkusTransaction.requiringNew().run(() -> User.findByUsername("officer2").orElseThrow().locale = "fr");
        try {
            today(LocalDate.of(2033, 2, 1));
            reminders.send(LocalDate.of(2033, 2, 1));
            List<Mail> sent = mails(reference);
            assertEquals(1, sent.size());
            assertTrue(sent.get(0).getSubject().contains("05/02/2033"), sent.get(0).getSubject());
            assertTrue(sent.get(0).getText().startsWith("Bonjour"), sent.get(0).getText());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> User.findByUsername("officer2").orElseThrow().locale = null);
        }
    }

    private List<Mail> mails(String reference) {
        return mailbox.getMailsSentTo("officer2@example.test").stream().filter(m -> m.getSubject().contains(reference))
                .toList();
    }

    private static long start(String title, String due) {
        return ActionFixtures.start(TestSupport.basic("officer"), ActionFixtures.form(title, "officer2", due, "RISK",
                "RSK-0003"));
    }

}
