package org.opregister.ict;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opregister.core.ClusterLock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.InvalidInputException;
import org.opregister.core.Records;
import org.opregister.incident.Incident;
import org.opregister.kri.KriMeasure;
import org.opregister.kri.KriSource;

/**
 * Changes to the ICT third-party register: the bank's services (managers), providers, their contracts and the
 * incidents they were involved in (officers and managers). Every change that could clash on a unique value (a
 * service code, a provider's name or LEI, a contract reference) holds the {@link #LOCK}, so two requests that
 * create the same value at once give one record and one refusal (400), never a database error.
 */
@ApplicationScoped
public class IctRegisterService {

    public static final String LOCK = "ict-register";

    /** Tells the computed KRI of the register that its inputs changed (in this transaction). */
    @Inject
    Event<KriMeasure.Changed> measureChanged;

    private <T> T changed(T result) {
        // the KRI reads the register with queries: let them see this change
        BusinessService.getEntityManager().flush();
        measureChanged.fire(new KriMeasure.Changed(KriSource.ICT_CONCENTRATION));
        return result;
    }

    // --- the bank's services

    @Transactional
    public BusinessService createService(BusinessServiceForm.Data typed, FieldErrors errors) {
        ClusterLock.hold(LOCK);
        if (typed.code() != null && BusinessService.byCode(typed.code()) != null) {
            errors.add("code", "error.ictServiceCodeTaken", typed.code());
        }
        Edits.failIfAny(errors);
        BusinessService service = new BusinessService();
        service.code = typed.code();
        service.active = true;
        apply(service, typed);
        service.persist();
        return changed(service);
    }

    @Transactional
    public BusinessService updateService(long id, BusinessServiceForm.Data typed, FieldErrors errors) {
        return changed(Edits.guarded(() -> {
            BusinessService service = Records.require(BusinessService.class, id);
            if (errors.has(FieldErrors.FORM)) {
                Edits.failIfAny(errors);
            }
            Edits.requireVersion(typed.version(), service.version);
            Edits.failIfAny(errors);
            apply(service, typed);
            return service;
        }));
    }

    @Transactional
    public BusinessService setServiceActive(long id, long version, boolean active) {
        return changed(Edits.guarded(() -> {
            BusinessService service = Records.require(BusinessService.class, id);
            Edits.requireVersion(version, service.version);
            service.active = active;
            return service;
        }));
    }

    private static void apply(BusinessService service, BusinessServiceForm.Data typed) {
        service.name = typed.name();
        service.functionName = typed.functionName();
        service.criticalOrImportant = typed.criticalOrImportant();
        service.description = typed.description();
    }

    // --- providers

    @Transactional
    public IctProvider createProvider(IctProviderForm.Data typed, FieldErrors errors) {
        ClusterLock.hold(LOCK);
        checkUnique(null, typed, errors);
        Edits.failIfAny(errors);
        IctProvider provider = new IctProvider();
        apply(provider, typed);
        provider.persist();
        return provider;
    }

    @Transactional
    public IctProvider updateProvider(long id, IctProviderForm.Data typed, FieldErrors errors) {
        return Edits.guarded(() -> {
            ClusterLock.hold(LOCK);
            IctProvider provider = Records.require(IctProvider.class, id);
            if (errors.has(FieldErrors.FORM)) {
                Edits.failIfAny(errors);
            }
            Edits.requireVersion(typed.version(), provider.version);
            checkUnique(provider, typed, errors);
            Edits.failIfAny(errors);
            apply(provider, typed);
            return provider;
        });
    }

    private static void checkUnique(IctProvider self, IctProviderForm.Data typed, FieldErrors errors) {
        if (typed.name() != null) {
            IctProvider same = IctProvider.byName(typed.name());
            if (same != null && same != self) {
                errors.add("name", "error.ictProviderNameTaken", same.name);
            }
        }
        if (typed.lei() != null) {
            IctProvider same = IctProvider.byLei(typed.lei());
            if (same != null && same != self) {
                errors.add("lei", "error.ictProviderLeiTaken", same.name);
            }
        }
    }

    private static void apply(IctProvider provider, IctProviderForm.Data typed) {
        provider.name(typed.name());
        provider.lei = typed.lei();
        provider.country = typed.country();
        provider.personType = typed.personType();
        provider.notes = typed.notes();
    }

    /**
     * The provider of that name, created (legal person, nothing else known) when there is none; the caller holds
     * the {@link #LOCK}.
     */
    static IctProvider providerNamed(String name) {
        IctProvider provider = IctProvider.byName(name);
        if (provider == null) {
            provider = new IctProvider();
            provider.name(name.trim().replaceAll("\\s+", " "));
            provider.persist();
        }
        return provider;
    }

    // --- contracts

    @Transactional
    public IctContract createContract(long providerId, IctContractForm.Data typed, FieldErrors errors) {
        ClusterLock.hold(LOCK);
        IctProvider provider = Records.require(IctProvider.class, providerId);
        Set<BusinessService> services = services(typed, errors);
        checkReference(null, typed, errors);
        Edits.failIfAny(errors);
        IctContract contract = new IctContract();
        contract.provider = provider;
        apply(contract, typed, services);
        contract.persist();
        return changed(contract);
    }

    @Transactional
    public IctContract updateContract(long providerId, long contractId, IctContractForm.Data typed,
            FieldErrors errors) {
        return changed(Edits.guarded(() -> {
            ClusterLock.hold(LOCK);
            IctContract contract = contractOf(providerId, contractId);
            if (errors.has(FieldErrors.FORM)) {
                Edits.failIfAny(errors);
            }
            Edits.requireVersion(typed.version(), contract.version);
            Set<BusinessService> services = services(typed, errors);
            checkReference(contract, typed, errors);
            Edits.failIfAny(errors);
            apply(contract, typed, services);
            return contract;
        }));
    }

    /** The contract, which must be one of that provider's (else 404). */
    public static IctContract contractOf(long providerId, long contractId) {
        IctContract contract = Records.require(IctContract.class, contractId);
        if (!contract.provider.id.equals(providerId)) {
            throw new org.opregister.core.UnknownRecordException(IctContract.class, contractId);
        }
        return contract;
    }

    private static Set<BusinessService> services(IctContractForm.Data typed, FieldErrors errors) {
        Set<BusinessService> services = new LinkedHashSet<>();
        for (Long id : typed.services()) {
            BusinessService service = BusinessService.findById(id);
            if (service == null) {
                errors.add("services", "error.choice");
            } else {
                services.add(service);
            }
        }
        return services;
    }

    private static void checkReference(IctContract self, IctContractForm.Data typed, FieldErrors errors) {
        if (typed.reference() != null) {
            IctContract same = IctContract.byReference(typed.reference());
            if (same != null && same != self) {
                errors.add("reference", "error.ictContractReferenceTaken", same.reference);
            }
        }
    }

    private static void apply(IctContract contract, IctContractForm.Data typed, Set<BusinessService> services) {
        contract.reference = typed.reference();
        contract.startDate = typed.startDate();
        contract.endDate = typed.endDate();
        contract.serviceType = typed.serviceType();
        contract.annualCost = typed.annualCost();
        contract.currency = typed.currency();
        contract.substitutability = typed.substitutability();
        contract.exitPlan = typed.exitPlan();
        contract.exitPlanTestedOn = typed.exitPlanTestedOn();
        contract.notes = typed.notes();
        contract.services.clear();
        contract.services.addAll(services);
    }

    // --- incidents

    /**
     * Links an incident to the provider, optionally under one of its contracts (a contract of another provider: 400
     * on {@code contract}). The link is register data of the ICT register, not a figure of the incident: it may be
     * made whatever the incident's status, closed included (the provider behind a root cause is often confirmed
     * after closure). An incident already linked to the provider: 400 "already linked" on {@code incident}, unless
     * another of the provider's contracts is named, which the link then takes. Under the {@link #LOCK}, so two
     * requests linking the same pair at once give one link and one 400.
     */
    @Transactional
    public IncidentProvider link(long incidentId, long providerId, Long contractId) {
        ClusterLock.hold(LOCK);
        Incident incident = Records.require(Incident.class, incidentId);
        IctProvider provider = Records.require(IctProvider.class, providerId);
        IctContract contract = null;
        if (contractId != null) {
            contract = IctContract.findById(contractId);
            if (contract == null || !contract.provider.id.equals(provider.id)) {
                throw new InvalidInputException(new FieldErrors().add("contract", "error.ictContractNotOfProvider"));
            }
        }
        IncidentProvider link = IncidentProvider.find(incident, provider);
        if (link == null) {
            link = new IncidentProvider();
            link.incident = incident;
            link.provider = provider;
            link.contract = contract;
            link.persist();
        } else if (contract == null || link.contract != null && link.contract.id.equals(contract.id)) {
            throw new InvalidInputException(new FieldErrors().add("incident", "error.ictAlreadyLinked"));
        } else {
            link.contract = contract;
        }
        return link;
    }

    /**
     * Removes a link of an incident, whatever its status (see {@link #link}); 404 when there is no such link of
     * that incident.
     */
    @Transactional
    public void unlink(long incidentId, long linkId) {
        Incident incident = Records.require(Incident.class, incidentId);
        IncidentProvider link = Records.require(IncidentProvider.class, linkId);
        if (!link.incident.id.equals(incident.id)) {
            throw new org.opregister.core.UnknownRecordException(IncidentProvider.class, linkId);
        }
        link.delete();
    }
}
