package org.opregister.action;

import java.util.List;

import org.opregister.control.Control;
import org.opregister.controltest.ControlTest;
import org.opregister.core.FormInput;
import org.opregister.incident.Incident;
import org.opregister.kri.Kri;
import org.opregister.kri.KriBreach;
import org.opregister.risk.Risk;

/** Finds, names and links the records an action plan can remediate. */
final class Sources {

    /** The types a user can pick. */
    static final List<SourceType> SELECTABLE = List.of(SourceType.values());

    private Sources() {
    }

    /** The id of the record the user named (reference, or id), or null when there is none. */
    static Long resolve(SourceType type, String text) {
        String value = FormInput.key(text);
        if (type == null || value == null) {
            return null;
        }
        Long id = FormInput.id(value);
        return switch (type) {
            case INCIDENT -> idOf(id != null ? Incident.findById(id) : Incident.findByReference(value));
            case RISK -> idOf(id != null ? Risk.findById(id) : Risk.find("reference", value).firstResult());
            case CONTROL -> idOf(id != null ? Control.findById(id) : Control.find("reference", value).firstResult());
            case KRI_BREACH -> id != null ? idOf(KriBreach.findById(id)) : latestBreachOf(value);
            case CONTROL_TEST ->
                idOf(id != null ? ControlTest.findById(id) : ControlTest.find("reference", value).firstResult());
        };
    }

    private static Long latestBreachOf(String kriReference) {
        Kri kri = Kri.find("reference", kriReference).firstResult();
        if (kri == null) {
            return null;
        }
        List<KriBreach> breaches = KriBreach.of(kri);
        return breaches.stream().filter(b -> b.status == org.opregister.kri.BreachStatus.OPEN).findFirst()
                .or(() -> breaches.stream().findFirst()).map(b -> b.id).orElse(null);
    }

    private static Long idOf(Object record) {
        if (record instanceof Incident i) {
            return i.id;
        }
        if (record instanceof Risk r) {
            return r.id;
        }
        if (record instanceof Control c) {
            return c.id;
        }
        if (record instanceof KriBreach b) {
            return b.id;
        }
        if (record instanceof ControlTest t) {
            return t.id;
        }
        return null;
    }

    static String label(SourceType type, long id) {
        return switch (type) {
            case INCIDENT -> {
                Incident incident = Incident.findById(id);
                yield incident == null ? "#" + id : incident.reference + " " + incident.title;
            }
            case RISK -> {
                Risk risk = Risk.findById(id);
                yield risk == null ? "#" + id : risk.reference + " " + risk.title;
            }
            case CONTROL -> {
                Control control = Control.findById(id);
                yield control == null ? "#" + id : control.reference + " " + control.title;
            }
            case KRI_BREACH -> {
                KriBreach breach = KriBreach.findById(id);
                yield breach == null
                        ? "#" + id
                        : breach.kri.reference + " " + breach.kri.name + " (" + breach.firstPeriodLabel() + ")";
            }
            case CONTROL_TEST -> {
                ControlTest test = ControlTest.findById(id);
                yield test == null
                        ? "#" + id
                        : test.reference + " " + test.control.reference + " " + test.control.title;
            }
        };
    }

    /**
     * The text {@link #resolve} reads back as that record: its reference; a KRI breach, which has none, by its number
     * (a KRI's reference would name its latest breach).
     */
    static String reference(SourceType type, long id) {
        String reference = switch (type) {
            case INCIDENT -> {
                Incident incident = Incident.findById(id);
                yield incident == null ? null : incident.reference;
            }
            case RISK -> {
                Risk risk = Risk.findById(id);
                yield risk == null ? null : risk.reference;
            }
            case CONTROL -> {
                Control control = Control.findById(id);
                yield control == null ? null : control.reference;
            }
            case KRI_BREACH -> null;
            case CONTROL_TEST -> {
                ControlTest test = ControlTest.findById(id);
                yield test == null ? null : test.reference;
            }
        };
        return reference != null ? reference : Long.toString(id);
    }

    static String link(SourceType type, long id) {
        return switch (type) {
            case INCIDENT -> "/incidents/" + id;
            case RISK -> "/risks/" + id;
            case CONTROL -> "/controls/" + id;
            case KRI_BREACH -> {
                KriBreach breach = KriBreach.findById(id);
                yield breach == null ? "/kris/breaches" : "/kris/" + breach.kri.id + "#breach-" + id;
            }
            case CONTROL_TEST -> "/control-tests/" + id;
        };
    }
}
