package org.opregister.ict;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.TrackedEntity;

/**
 * A service the bank provides (payments, card processing, online banking...), a list managers keep. It names the
 * business function it supports and whether that function is critical or important (DORA, Regulation 2022/2554,
 * Art. 3(22)). The DORA classification of an ICT-related incident records the services it affected (Delegated
 * Regulation 2024/1772, Art. 6); the register of information links providers' contracts to them.
 */
@Entity
@Table(name = "business_service")
public class BusinessService extends TrackedEntity implements AuditSubject {

    public static final int CODE_MAX = 20;
    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "business_service_seq")
    @SequenceGenerator(name = "business_service_seq", sequenceName = "business_service_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = CODE_MAX)
    public String code;

    @Column(nullable = false, length = NAME_MAX)
    public String name;

    /** The business function the service supports. */
    @Column(name = "function_name", nullable = false, length = NAME_MAX)
    public String functionName;

    /** Whether that function is critical or important (DORA Art. 3(22)). */
    @Column(name = "critical_or_important", nullable = false)
    public boolean criticalOrImportant;

    @Column(length = DESCRIPTION_MAX)
    public String description;

    @Column(nullable = false)
    public boolean active;

    @Override
    public String auditLabel() {
        return code;
    }

    @Override
    public String auditTitle() {
        return name;
    }

    @Override
    public String auditPath() {
        return "/services/" + id + "/edit";
    }

    /** The active services, by code (for choices). */
    public static List<BusinessService> active() {
        return list("active = true order by code");
    }

    public static List<BusinessService> all() {
        return list("order by active desc, code");
    }

    public static BusinessService byCode(String code) {
        return find("code", code).firstResult();
    }
}
