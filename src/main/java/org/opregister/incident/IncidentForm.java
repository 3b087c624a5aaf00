package org.opregister.incident;

import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.Cause;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

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
    public String version;

    /** The form as posted by the browser (field names as in the template). */
    public static IncidentForm from(MultivaluedMap<String, String> posted) {
        IncidentForm form = new IncidentForm();
        form.title = posted.getFirst("title");
        form.description = posted.getFirst("description");
        form.severity = posted.getFirst("severity");
        form.eventCategory = posted.getFirst("eventCategory");
        form.eventType = posted.getFirst("eventType");
        form.businessLine = posted.getFirst("businessLine");
        form.orgUnit = posted.getFirst("orgUnit");
        form.owner = posted.getFirst("owner");
        form.occurrenceDate = posted.getFirst("occurrenceDate");
        form.discoveryDate = posted.getFirst("discoveryDate");
        form.causes = posted.getOrDefault("causes", List.of());
        form.rootCause = posted.getFirst("rootCause");
        form.thirdParty = posted.getFirst("thirdParty");
        form.nearMiss = posted.getFirst("nearMiss");
        form.version = posted.getFirst("version");
        return form;
    }

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
        form.version = Long.toString(incident.version);
        return form;
    }

    public boolean hasCause(String cause) {
        return causes != null && causes.contains(cause);
    }

    public boolean nearMissChecked() {
        return "true".equalsIgnoreCase(nearMiss) || "on".equalsIgnoreCase(nearMiss);
    }

    /** Field-level checks: presence, length, formats, codes, the Level 1/Level 2 pair and the date order. */
    public IncidentData parse(FieldErrors errors) {
        FormInput input = new FormInput(errors);
        IncidentData data = new IncidentData();
        data.title = input.text("title", title, true, Incident.TITLE_MAX);
        data.description = input.text("description", description, false, Incident.DESCRIPTION_MAX);
        data.severity = input.choice("severity", severity, Severity.class, true);
        data.eventCategory = input.choice("eventCategory", eventCategory, EventCategory.class, true);
        data.eventType = input.choice("eventType", eventType, EventType.class, true);
        if (data.eventCategory != null && data.eventType != null && data.eventType.category != data.eventCategory) {
            errors.add("eventType", "error.eventTypePair");
        }
        data.businessLine = input.choice("businessLine", businessLine, BusinessLine.class, true);
        data.orgUnit = input.text("orgUnit", orgUnit, true, Incident.NAME_MAX);
        data.owner = input.text("owner", owner, true, Incident.NAME_MAX);
        data.occurrenceDate = input.date("occurrenceDate", occurrenceDate, true);
        data.discoveryDate = input.date("discoveryDate", discoveryDate, true);
        data.causes = EnumSet.noneOf(Cause.class);
        if (causes != null) {
            for (String cause : causes) {
                if (!FormInput.blank(cause)) {
                    Cause parsed = input.choice("causes", cause, Cause.class, false);
                    if (parsed != null) {
                        data.causes.add(parsed);
                    }
                }
            }
        }
        data.rootCause = input.text("rootCause", rootCause, false, Incident.TEXT_MAX);
        data.thirdParty = input.text("thirdParty", thirdParty, false, Incident.TITLE_MAX);
        data.nearMiss = nearMissChecked();
        if (nearMiss != null && !nearMiss.isBlank() && !data.nearMiss && !"false".equalsIgnoreCase(nearMiss)) {
            errors.add("nearMiss", "error.choice");
        }
        data.version = FormInput.blank(version) ? null : input.version("version", version);
        return data;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** The typed values of a valid form. */
    public static class IncidentData {
        public String title;
        public String description;
        public Severity severity;
        public EventCategory eventCategory;
        public EventType eventType;
        public BusinessLine businessLine;
        public String orgUnit;
        public String owner;
        public LocalDate occurrenceDate;
        public LocalDate discoveryDate;
        public Set<Cause> causes;
        public String rootCause;
        public String thirdParty;
        public boolean nearMiss;
        public Long version;
    }
}
