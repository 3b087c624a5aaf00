package org.opregister.ict;

import java.util.List;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.TrackedEntity;
import org.opregister.incident.IncidentThirdParties;
import org.opregister.reference.Lei;

/**
 * An ICT third-party service provider of the register of information (DORA Art. 28(3); ITS 2024/2956, template
 * B_05.01). One provider per name (trimmed, in any case: {@link #nameKey}) and per LEI.
 */
@Entity
@Table(name = "ict_provider")
public class IctProvider extends TrackedEntity implements AuditSubject {

    public static final int NAME_MAX = 200;
    public static final int NOTES_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ict_provider_seq")
    @SequenceGenerator(name = "ict_provider_seq", sequenceName = "ict_provider_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = NAME_MAX)
    public String name;

    @Column(name = "name_key", nullable = false, length = NAME_MAX)
    public String nameKey;

    /** ISO 17442 Legal Entity Identifier, if known ({@link Lei}). */
    @Column(length = Lei.LENGTH)
    public String lei;

    /** Country of the headquarters, ISO 3166-1 alpha-2 ({@link Countries}). */
    @Column(length = 2)
    public String country;

    @Enumerated(EnumType.STRING)
    @Column(name = "person_type", nullable = false, length = 20)
    public PersonType personType = PersonType.LEGAL_PERSON;

    @Column(length = NOTES_MAX)
    public String notes;

    /** Sets the name and the key that keeps names unique. */
    public void name(String name) {
        this.name = name;
        this.nameKey = keyOf(name);
    }

    /** A name as the register compares names: trimmed, inner spaces collapsed, lower case. */
    public static String keyOf(String name) {
        return name == null ? null : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * A legal person without an LEI: its B_05.01 row lacks the identification code (Implementing Regulation 2024/2956,
     * Art. 3; the register holds no EUID).
     */
    public boolean leiMissing() {
        return lei == null && personType == PersonType.LEGAL_PERSON;
    }

    @Override
    public String auditLabel() {
        return name;
    }

    @Override
    public String auditPath() {
        return "/ict-providers/" + id;
    }

    /** Every provider as the incident page's picker lists it, by name. */
    public static List<IncidentThirdParties.Choice> choices() {
        return getEntityManager()
                .createQuery("select p.id, p.name from IctProvider p order by p.nameKey", Object[].class)
                .getResultStream().map(row -> new IncidentThirdParties.Choice((Long) row[0], (String) row[1]))
                .toList();
    }

    public static List<IctProvider> all() {
        return list("order by nameKey");
    }

    public static IctProvider byName(String name) {
        return find("nameKey", keyOf(name)).firstResult();
    }

    public static IctProvider byLei(String lei) {
        return find("lei", lei).firstResult();
    }
}
