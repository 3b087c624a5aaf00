package org.opregister.seed;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opregister.core.AppClock;
import org.opregister.core.FieldErrors;
import org.opregister.kri.Kri;
import org.opregister.kri.KriForm;
import org.opregister.kri.KriService;
import org.opregister.kri.ValueForm;
import org.opregister.risk.Risk;

/**
 * The example case's four KRIs (K1–K4 of seed-case.md) with their monthly values from July to December 2024, entered
 * through the same rules as the forms, and linked to the risks they watch.
 */
@ApplicationScoped
public class ExampleKris {

    static final String NAME = "example-case-kris-v1";

    @Inject
    KriService kris;

    private record Example(String name, String unit, String direction, String green, String red, String owner,
            String risk, String description, List<String> values) {
    }

    private static final List<Example> EXAMPLES = List.of(
            new Example("Critical servers on a staged content ring", "%", "HIGHER_IS_BETTER", "95", "80",
                    "Head of Endpoint Engineering", "Vendor update causes mass outage",
                    "Share of critical servers that receive vendor content updates only after a pilot ring (K1).",
                    List.of("2024-07:0", "2024-08:0", "2024-09:35", "2024-10:72", "2024-11:91", "2024-12:97")),
            new Example("Encrypted devices with key in independent escrow", "%", "HIGHER_IS_BETTER", "99", "95", "CISO",
                    "Cannot recover endpoints at scale",
                    "Share of BitLocker-encrypted devices whose recovery key is held outside the endpoint estate (K2).",
                    List.of("2024-07:82", "2024-08:90", "2024-09:96", "2024-10:98.6", "2024-11:99.3", "2024-12:99.5")),
            new Example("Minutes to recover a crashed endpoint", "minutes", "HIGHER_IS_WORSE", "30", "60",
                    "Head of IT Operations", "Cannot recover endpoints at scale",
                    "Median hands-on recovery time per endpoint, measured at the quarterly recovery drill; 95 minutes"
                            + " during the July 2024 outage itself (K3).",
                    List.of("2024-Q3:48", "2024-Q4:26")),
            new Example("Critical services on one vendor with no fallback", "%", "HIGHER_IS_WORSE", "20", "40",
                    "Head of Vendor Management", "EDR/OS vendor concentration",
                    "Share of critical services that depend on a single ICT vendor without a tested fallback (K4).",
                    List.of("2024-07:68", "2024-08:68", "2024-09:61", "2024-10:55", "2024-11:44", "2024-12:38")));

    public void record() {
        for (Example example : EXAMPLES) {
            KriForm form = new KriForm();
            form.name = example.name();
            form.description = example.description() + " Fictional example (Example Mercantile Bank SE).";
            form.unit = example.unit();
            form.frequency = example.values().get(0).contains("-Q") ? "QUARTERLY" : "MONTHLY";
            form.owner = example.owner();
            form.direction = example.direction();
            form.greenLimit = example.green();
            form.redLimit = example.red();
            form.source = "MANUAL";
            form.status = "ACTIVE";
            FieldErrors typed = new FieldErrors();
            Kri kri = kris.create(form.parse(typed), typed);
            for (String reading : example.values()) {
                ValueForm value = new ValueForm();
                value.period = reading.substring(0, reading.indexOf(':'));
                value.value = reading.substring(reading.indexOf(':') + 1);
                FieldErrors typedValue = new FieldErrors();
                kris.record(kri.id, value.parse(kri, typedValue, AppClock.today()), typedValue);
            }
            Risk risk = Risk.find("title = ?1 and orgUnit = ?2", example.risk(), ExampleRisks.ORG_UNIT).firstResult();
            if (risk != null) {
                kris.linkRisk(kri.id, risk.id, true);
            }
        }
    }
}
