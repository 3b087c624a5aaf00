package org.opregister.incident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.opregister.core.AppClock;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.Cause;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

/**
 * What a user typed into the incident form, or sent to the API as JSON, kept as text so that a rejected form
 * comes back exactly as entered. {@link #parse} turns it into {@link IncidentData} or field errors.
 */
public class IncidentForm {

    public String title;
    public String description;
    public String severity;
    public String eventCategory;
    public String eventType;
    public String businessLine;
    public String orgUnit;
    public String owner;
    public String occurrenceDate;
    public String discoveryDate;
    public List<String> causes = new ArrayList<>();
    public String rootCause;
    public String thirdParty;
    public String nearMiss;
    public String gainEvent;
    public String legalEntity;
    public String rootEvent;
    public String creditBoundary;
    public String marketBoundary;
    /** The bank's own reference (from its former system or its accounting), unique among incidents; optional. */
    public String externalReference;
    public String version;

    public static IncidentForm blank(LocalDate today) {
        IncidentForm form = new IncidentForm();
        form.severity = Severity.MEDIUM.name();
        form.occurrenceDate = today.toString();
        form.discoveryDate = today.toString();
        return form;
    }

    public static IncidentForm of(Incident incident) {
        IncidentForm form = new IncidentForm();
        form.title = incident.title;
        form.description = incident.description;
        form.severity = incident.severity.name();
        form.eventCategory = incident.eventCategory.name();
        form.eventType = incident.eventType.name();
        form.businessLine = incident.businessLine.name();
        form.orgUnit = incident.orgUnit;
        form.owner = incident.owner;
        form.occurrenceDate = text(incident.occurrenceDate);
        form.discoveryDate = text(incident.discoveryDate);
        form.causes = incident.causes.stream().map(Enum::name).toList();
        form.rootCause = incident.rootCause;
        form.thirdParty = incident.thirdParty;
        form.nearMiss = incident.nearMiss ? "true" : null;
        form.gainEvent = incident.gainEvent ? "true" : null;
        form.legalEntity = incident.legalEntity == null ? null : incident.legalEntity.code;
        form.rootEvent = incident.rootEvent == null ? null : incident.rootEvent.reference;
        form.creditBoundary = incident.creditBoundary ? "true" : null;
        form.marketBoundary = incident.marketBoundary ? "true" : null;
        form.externalReference = incident.externalReference;
        form.version = Long.toString(incident.version);
        return form;
    }

    public boolean hasCause(String cause) {
        return causes != null && causes.contains(cause);
    }

    public boolean nearMissChecked() {
        return checked(nearMiss);
    }

    public boolean gainEventChecked() {
        return checked(gainEvent);
    }

    public boolean creditBoundaryChecked() {
        return checked(creditBoundary);
    }

    public boolean marketBoundaryChecked() {
        return checked(marketBoundary);
    }

    private static boolean checked(String box) {
        return "true".equalsIgnoreCase(box) || "on".equalsIgnoreCase(box);
    }

    private static void checkBox(String name, String box, FieldErrors errors) {
        if (box != null && !box.isBlank() && !checked(box) && !"false".equalsIgnoreCase(box)) {
            errors.add(name, "error.choice");
        }
    }

    /**
     * Field-level checks: presence, length, formats, codes, the Level 1/Level 2 pair, the date order and no date in
     * the future. Every problem goes to {@code errors}; the data is only meaningful when there is none (the service
     * reports them, after the checks that come first).
     */
    public IncidentData parse(FieldErrors errors) {
        FormInput input = new FormInput(errors);
        String parsedTitle = input.text("title", title, true, Incident.TITLE_MAX);
        String parsedDescription = input.text("description", description, false, Incident.DESCRIPTION_MAX);
        Severity parsedSeverity = input.choice("severity", severity, Severity.class, true);
        EventCategory category = input.choice("eventCategory", eventCategory, EventCategory.class, true);
        EventType type = input.choice("eventType", eventType, EventType.class, true);
        if (category != null && type != null && type.category != category) {
            errors.add("eventType", "error.eventTypePair");
        }
        BusinessLine line = input.choice("businessLine", businessLine, BusinessLine.class, true);
        String unit = input.text("orgUnit", orgUnit, true, Incident.NAME_MAX);
        String parsedOwner = input.text("owner", owner, true, Incident.NAME_MAX);
        LocalDate occurred = input.date("occurrenceDate", occurrenceDate, true);
        LocalDate discovered = input.date("discoveryDate", discoveryDate, true);
        Set<Cause> parsedCauses = EnumSet.noneOf(Cause.class);
        if (causes != null) {
            for (String cause : causes) {
                if (!FormInput.blank(cause)) {
                    Cause parsed = input.choice("causes", cause, Cause.class, false);
                    if (parsed != null) {
                        parsedCauses.add(parsed);
                    }
                }
            }
        }
        String parsedRootCause = input.text("rootCause", rootCause, false, Incident.TEXT_MAX);
        String parsedThirdParty = input.text("thirdParty", thirdParty, false, Incident.TITLE_MAX);
        boolean parsedNearMiss = nearMissChecked();
        checkBox("nearMiss", nearMiss, errors);
        boolean parsedGain = gainEventChecked();
        checkBox("gainEvent", gainEvent, errors);
        if (parsedNearMiss && parsedGain) {
            errors.add("gainEvent", "error.gainAndNearMiss");
        }
        boolean credit = creditBoundaryChecked();
        checkBox("creditBoundary", creditBoundary, errors);
        boolean market = marketBoundaryChecked();
        checkBox("marketBoundary", marketBoundary, errors);
        if (credit && market) {
            errors.add("marketBoundary", "error.boundaryBoth");
        }
        String entity = input.text("legalEntity", legalEntity, false, 20);
        String root = input.text("rootEvent", rootEvent, false, 40);
        String external = input.text("externalReference", externalReference, false, Incident.EXTERNAL_REFERENCE_MAX);
        Long parsedVersion = FormInput.blank(version) ? null : input.version("version", version);
        checkDates(occurred, discovered, AppClock.today(), errors);
        return new IncidentData(parsedTitle, parsedDescription, parsedSeverity, category, type, line, unit, parsedOwner,
                occurred, discovered, parsedCauses, parsedRootCause, parsedThirdParty, parsedNearMiss, parsedGain,
                entity, root == null ? null : root.toUpperCase(java.util.Locale.ROOT), credit, market, external,
                parsedVersion);
    }

    private static void checkDates(LocalDate occurred, LocalDate discovered, LocalDate today, FieldErrors errors) {
        if (occurred != null && occurred.isAfter(today)) {
            errors.add("occurrenceDate", "error.futureDate");
        }
        if (discovered != null && discovered.isAfter(today)) {
            errors.add("discoveryDate", "error.futureDate");
        }
        if (occurred != null && discovered != null && discovered.isBefore(occurred)) {
            errors.add("discoveryDate", "error.discoveryBeforeOccurrence");
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** The typed values of a valid form: what the service records (the version: the one the user loaded). */
    public record IncidentData(String title, String description, Severity severity, EventCategory eventCategory,
            EventType eventType, BusinessLine businessLine, String orgUnit, String owner, LocalDate occurrenceDate,
            LocalDate discoveryDate, Set<Cause> causes, String rootCause, String thirdParty, boolean nearMiss,
            boolean gainEvent, String legalEntity, String rootEvent, boolean creditBoundary, boolean marketBoundary,
            String externalReference, Long version) {
    }
}
