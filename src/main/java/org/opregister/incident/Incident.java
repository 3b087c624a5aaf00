package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.panache.common.Page;

import org.opregister.attachment.Attachable;
import org.opregister.audit.AuditSubject;
import org.opregister.comment.Commentable;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.InvalidInputException;
import org.opregister.core.NotAudited;
import org.opregister.core.Records;
import org.opregister.core.ReviewRecord;
import org.opregister.core.RuleViolationException;
import org.opregister.core.TrackedEntity;
import org.opregister.reference.LegalEntity;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.Cause;
import org.opregister.taxonomy.CauseSetConverter;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;

/**
 * An operational-risk event in the register. Loss totals are kept on the incident, in the reporting
 * currency, and recomputed whenever a loss line changes, so the register can sort and sum without joins.
 */
@Entity
@Table(name = "incident")
public class Incident extends TrackedEntity implements AuditSubject, Commentable, Attachable {

    public static final int EXTERNAL_REFERENCE_MAX = 64;

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 10000;
    public static final int TEXT_MAX = 4000;
    public static final int NAME_MAX = 120;
    public static final int REVIEW_COMMENT_MAX = ReviewRecord.COMMENT_MAX;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_seq")
    @SequenceGenerator(name = "incident_seq", sequenceName = "incident_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 40)
    public String reference;

    /** The bank's own reference, from the system it was imported from; null when recorded here. */
    @Column(name = "external_reference", unique = true, length = EXTERNAL_REFERENCE_MAX)
    public String externalReference;

    @Column(nullable = false, length = TITLE_MAX)
    public String title;

    @Column(length = DESCRIPTION_MAX)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public IncidentStatus status = IncidentStatus.DRAFT;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_category", nullable = false, length = 40)
    public EventCategory eventCategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, length = 60)
    public EventType eventType;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_line", nullable = false, length = 40)
    public BusinessLine businessLine;

    @Column(name = "org_unit", nullable = false, length = NAME_MAX)
    public String orgUnit;

    @Column(nullable = false, length = NAME_MAX)
    public String owner;

    @Column(name = "occurrence_date", nullable = false)
    public LocalDate occurrenceDate;

    @Column(name = "discovery_date", nullable = false)
    public LocalDate discoveryDate;

    @Column(name = "reporting_date", nullable = false)
    public LocalDate reportingDate;

    @Column(name = "closure_date")
    public LocalDate closureDate;

    @Convert(converter = CauseSetConverter.class)
    @Column(length = 100)
    public Set<Cause> causes = EnumSet.noneOf(Cause.class);

    @Column(name = "root_cause", length = TEXT_MAX)
    public String rootCause;

    @Column(name = "third_party", length = TITLE_MAX)
    public String thirdParty;

    @Column(name = "near_miss", nullable = false)
    public boolean nearMiss;

    /**
     * An event that brought a gain, not a loss: recorded for the risk picture, kept out of every loss total and of the
     * regulatory loss data set; like a near miss, it carries no ledger lines.
     */
    @Column(name = "gain_event", nullable = false)
    public boolean gainEvent;

    @Column(name = "gross_loss", nullable = false, precision = 19, scale = 2)
    public BigDecimal grossLoss = BigDecimal.ZERO;

    @Column(nullable = false, precision = 19, scale = 2)
    public BigDecimal recoveries = BigDecimal.ZERO;

    @Column(nullable = false, precision = 19, scale = 2)
    public BigDecimal provisions = BigDecimal.ZERO;

    @Column(name = "net_loss", nullable = false, precision = 19, scale = 2)
    public BigDecimal netLoss = BigDecimal.ZERO;

    /**
     * The root event this incident's losses are grouped under (CRR Art. 311a(4): losses with a common trigger or
     * cause): the group counts as one event, with the root's classification, in the regulatory data set.
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "root_event_id")
    public Incident rootEvent;

    /** A loss already counted as credit risk (a credit-boundary event): kept out of the op-risk loss data set. */
    @Column(name = "credit_boundary", nullable = false)
    public boolean creditBoundary;

    /** An operational loss tied to market risk (a market-boundary event): it stays in the op-risk data set. */
    @Column(name = "market_boundary", nullable = false)
    public boolean marketBoundary;

    /** The group entity that bears the loss (CRR Art. 317: the data set covers every entity in the consolidation). */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "legal_entity_id", nullable = false)
    public LegalEntity legalEntity;

    /** Recoveries announced but not yet paid: shown apart, never deducted. */
    @Column(name = "expected_recoveries", nullable = false, precision = 19, scale = 2)
    public BigDecimal expectedRecoveries = BigDecimal.ZERO;

    /**
     * The distinct words ({@link SearchWords}) of the reference, title, unit, owner, third party, description and
     * root cause: what the register's free-text search reads ({@link SearchIndex}).
     */
    @NotAudited
    @Column(name = "search_text", nullable = false, length = SearchWords.DOCUMENT_MAX)
    String searchText;

    /** The search text the word table holds for this incident (H2), as last loaded or written. */
    @Transient
    String indexedSearchText;

    /**
     * The last review: who asked for it (while it is pending they cannot close the incident; once it is returned, it
     * is theirs to rework), and the manager who returned or closed it, when and why. Cleared when it is reopened.
     */
    @Embedded
    public ReviewRecord review = new ReviewRecord();

    @PrePersist
    @PreUpdate
    void indexForSearch() {
        searchText = searchDocument(reference, title, orgUnit, owner, thirdParty, description, rootCause);
    }

    /** The search text of an incident's fields, in this order (migration V37 fills existing rows with it). */
    public static String searchDocument(String reference, String title, String orgUnit, String owner,
            String thirdParty, String description, String rootCause) {
        return SearchWords.document(reference, title, orgUnit, owner, thirdParty, description, rootCause);
    }

    @PostLoad
    void loadedForSearch() {
        indexedSearchText = searchText;
    }

    /** The word table follows the row in the same transaction, when the words changed. */
    @PostPersist
    @PostUpdate
    void writtenForSearch() {
        if (!searchText.equals(indexedSearchText)) {
            SearchIndex.stored(id, searchText, indexedSearchText != null);
            indexedSearchText = searchText;
        }
    }

    @PostRemove
    void removedForSearch() {
        SearchIndex.removed(id);
    }

    @Override
    public String auditLabel() {
        return reference;
    }

    @Override
    public String auditTitle() {
        return title;
    }

    @Override
    public String auditPath() {
        return "/incidents/" + id;
    }

    public List<Transition> transitions() {
        return Arrays.stream(Transition.values()).filter(t -> t.from == status).toList();
    }

    /** Draft and open incidents change; under review they are frozen for the reviewer, closed until reopened. */
    public boolean editable() {
        return status.editable();
    }

    /**
     * Whether this user may book or change ledger lines now: while the incident is editable; once it is closed,
     * managers
     * still may (a later recovery or adjustment of a settled event). Period locks apply besides.
     */
    public boolean ledgerOpenTo(boolean manager) {
        return editable() || (status == IncidentStatus.CLOSED && manager);
    }

    /** Refuses a change (the incident or its ledger) while the incident is under review or closed. */
    public void requireEditable() {
        if (status == IncidentStatus.UNDER_REVIEW) {
            throw new RuleViolationException("error.incidentUnderReview");
        }
        if (!editable()) {
            throw new RuleViolationException("error.incidentClosed");
        }
    }

    /** Returned for rework and not yet submitted again: the reason shows on the incident. */
    public boolean returned() {
        return status == IncidentStatus.OPEN && review.reviewedBy != null;
    }

    /**
     * The four-eyes rule of the incident review, in one place: the incident is under review and this user did not ask
     * for the review (whoever asked cannot close it). The service's guard, the page's decision buttons and
     * {@link #awaitingDecisionBy} (the dashboard's queue) all read this rule.
     */
    public boolean decidableBy(String user) {
        return status == IncidentStatus.UNDER_REVIEW && !review.wasSubmittedBy(user);
    }

    /** Incidents this user may decide on now: {@link #decidableBy} as a query, oldest change first. */
    public static List<Incident> awaitingDecisionBy(String user) {
        return list(AWAITING_DECISION + " order by updatedAt, id", IncidentStatus.UNDER_REVIEW, user);
    }

    /** How many {@link #awaitingDecisionBy} lists, counted in the database. */
    public static long countAwaitingDecisionBy(String user) {
        return count(AWAITING_DECISION, IncidentStatus.UNDER_REVIEW, user);
    }

    private static final String AWAITING_DECISION = "status = ?1 and (review.submittedBy is null or review.submittedBy <> ?2)";

    /** Incidents returned for rework to this user: they asked for the review, or they are named as owner. */
    public static List<Incident> returnedTo(String username) {
        return list("status = ?1 and review.reviewedBy is not null and (review.submittedBy = ?2 or owner = ?2)"
                + " order by review.reviewedAt, id", IncidentStatus.OPEN, username);
    }

    @Override
    public String commentRecordType() {
        return "Incident";
    }

    @Override
    public long commentRecordId() {
        return id;
    }

    @Override
    public String attachmentRecordType() {
        return "Incident";
    }

    @Override
    public long attachmentRecordId() {
        return id;
    }

    /** The most recently recorded incidents. */
    public static List<Incident> recent(int howMany) {
        return find("order by createdAt desc, id desc").page(Page.ofSize(howMany)).list();
    }

    /**
     * Whether the event this incident roots stays out of the regulatory data set whatever its size: a near miss, a
     * gain event or a credit-boundary loss ({@link LossDataSet}).
     */
    public boolean excludedFromDataSet() {
        return nearMiss || gainEvent || creditBoundary;
    }

    /** The incidents grouped under this root event, oldest first. */
    public List<Incident> groupedEvents() {
        return list("rootEvent = ?1 order by occurrenceDate, id", this);
    }

    public boolean hasGroupedEvents() {
        return count("rootEvent", this) > 0;
    }

    public static Incident findByReference(String reference) {
        return find("reference", reference).firstResult();
    }

    /**
     * The incident named in another record's link form, by id or reference; none such is an input error on the
     * {@code incident} field (400).
     */
    public static Incident byIdOrReference(String idOrReference) {
        String text = FormInput.key(idOrReference);
        Long id = FormInput.id(text);
        Incident incident = text == null ? null : id != null ? findById(id) : findByReference(text);
        if (incident == null) {
            throw new InvalidInputException(new FieldErrors().add("incident", "error.noSuchIncident"));
        }
        return incident;
    }

    /**
     * The incident by id (404 when there is none) for a change to its links or files: refused unless it is editable.
     * Its row stays locked until the change commits, so a submit for review cannot slip in between the check and the
     * change: the change is in what is submitted, or it is refused.
     */
    public static Incident requireEditable(long id) {
        Incident incident = Records.require(Incident.class, id, LockModeType.PESSIMISTIC_WRITE);
        incident.requireEditable();
        return incident;
    }

    /**
     * One page of the incidents the filter's query matches; the total comes from {@link #totals} with the same query
     * (built once: on H2 the search's words are looked up while it is built).
     */
    static PageResult<Incident> search(IncidentQuery query, IncidentSort sort, PageRequest page, long total) {
        return PageResult.of(find(query.hql(sort), query.parameters()), page, total);
    }

    /**
     * Count, loss events (incidents grouped under a root event are one event with it) and summed net loss of every
     * incident the filter matches: the kept totals when the filter narrows by status and classification at most
     * ({@link IncidentTotals}), else one query over the matches.
     */
    static Totals totals(IncidentQuery query) {
        if (query.kept() != null) {
            return IncidentTotals.kept(query.kept());
        }
        Object[] row = query.totals(
                "select count(i), count(case when i.rootEvent is null then 1 end), coalesce(sum(i.netLoss), 0)"
                        + " from Incident i where ",
                Object[].class).getSingleResult();
        return new Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (BigDecimal) row[2]);
    }

    public record Totals(long count, long events, BigDecimal netLoss) {

        /** Some of the incidents are grouped under root events: the number of events differs. */
        public boolean grouped() {
            return events != count;
        }
    }

    public static Optional<Incident> findByExternalReference(String externalReference) {
        return find("externalReference", externalReference).firstResultOptional();
    }
}
