package org.opregister.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.interceptor.Interceptor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduled jobs are let run only after every other start-up observer (checks, seeding, data migrations). */
class ScheduledJobsStartTest {

    private static final Pattern OBSERVER = Pattern
            .compile("@Observes\\s+(?:@Priority\\(([^)]+)\\)\\s+)?StartupEvent");

    @Test
    void theJobsResumeAfterEveryOtherStartUpObserver() throws IOException {
        List<String> observers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher observer = OBSERVER.matcher(Files.readString(file));
                while (observer.find()) {
                    if (file.endsWith("ScheduledJobsStart.java")) {
                        continue;
                    }
                    int priority = observer.group(1) == null
                            ? Interceptor.Priority.APPLICATION + 500
                            : Integer.parseInt(observer.group(1));
                    assertTrue(priority < ScheduledJobsStart.LAST,
                            file + " observes the start at priority " + priority + ", not before the jobs resume");
                    observers.add(file.getFileName().toString());
                }
            }
        }
        assertTrue(observers.containsAll(List.of("SessionKeyCheck.java", "ReportingCurrencyCheck.java",
                "DemoData.java")), "start-up observers found: " + observers);
    }

    @Test
    void theSchedulerStartsPaused() throws IOException {
        List<String> startMode = Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                .filter(line -> line.startsWith("quarkus.scheduler.start-mode=")).toList();
        assertEquals(List.of("quarkus.scheduler.start-mode=halted"), startMode);
    }
}
