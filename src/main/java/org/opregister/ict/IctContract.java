package org.opregister.ict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.TrackedEntity;
import org.opregister.incident.IncidentThirdParties;

/**
 * A contractual arrangement with an ICT third-party service provider (ITS 2024/2956, templates B_02.01 and B_02.02)
 * and the bank's services (functions) it supports, with the assessment the register keeps for it (B_07.01:
 * substitutability; DORA Art. 28(8): exit plan and its test).
 */
@Entity
@Table(name = "ict_contract")
public class IctContract extends TrackedEntity implements AuditSubject {

    public static final int REFERENCE_MAX = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ict_contract_seq")
    @SequenceGenerator(name = "ict_contract_seq", sequenceName = "ict_contract_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "provider_id", nullable = false, updatable = false)
    public IctProvider provider;

    @Column(nullable = false, length = REFERENCE_MAX)
    public String reference;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_type", nullable = false, length = 10)
    public IctServiceType serviceType;

    @Column(name = "annual_cost", precision = 19, scale = 2)
    public BigDecimal annualCost;

    @Column(length = 3)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Substitutability substitutability;

    @Column(name = "exit_plan", nullable = false)
    public boolean exitPlan;

    /** When the exit plan was last tested; null: never. */
    @Column(name = "exit_plan_tested_on")
    public LocalDate exitPlanTestedOn;

    @Column(length = IctProvider.NOTES_MAX)
    public String notes;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "ict_contract_service", joinColumns = @JoinColumn(name = "contract_id"), inverseJoinColumns = @JoinColumn(name = "service_id"))
    public Set<BusinessService> services = new LinkedHashSet<>();

    /** Whether any service the contract supports is marked critical or important (read from the service). */
    public boolean critical() {
        return services.stream().anyMatch(s -> s.criticalOrImportant);
    }

    /** The supported services by code. */
    public List<BusinessService> servicesByCode() {
        List<BusinessService> sorted = new ArrayList<>(services);
        sorted.sort(Comparator.comparing(s -> s.code));
        return sorted;
    }

    public boolean exitPlanTested() {
        return exitPlan && exitPlanTestedOn != null;
    }

    @Override
    public String auditLabel() {
        return reference;
    }

    @Override
    public Object auditParent() {
        return provider;
    }

    public static List<IctContract> of(IctProvider provider) {
        return list("provider = ?1 order by reference", provider);
    }

    public static IctContract byReference(String reference) {
        return find("lower(reference) = ?1", reference.toLowerCase(java.util.Locale.ROOT)).firstResult();
    }

    /** Every contract with its provider and services, by provider name and reference (exports, the KRI). */
    /** Every contract as the incident page's picker lists it ("provider – reference"), in the register's order. */
    public static List<IncidentThirdParties.Choice> choices() {
        return getEntityManager().createQuery("select c.id, p.name, c.reference from IctContract c join c.provider p"
                + " order by p.nameKey, c.reference", Object[].class)
                .getResultStream()
                .map(row -> new IncidentThirdParties.Choice((Long) row[0], row[1] + " – " + row[2]))
                .toList();
    }

    public static List<IctContract> register() {
        return getEntityManager().createQuery("select distinct c from IctContract c join fetch c.provider p"
                + " left join fetch c.services order by p.nameKey, c.reference", IctContract.class).getResultList();
    }
}
