package org.opregister.kri;

/**
 * Where values come from: typed or uploaded by people, computed from the incident register, or computed by a package
 * above this one through a {@link KriMeasure} (ICT_CONCENTRATION: the ICT register's share of critical or important
 * functions on a single provider with no tested alternative, in %).
 */
public enum KriSource {

    MANUAL, INCIDENT_COUNT, NET_LOSS, ICT_CONCENTRATION;

    /** Whether the figure comes from a {@link KriMeasure} (and so takes no event-type or business-line filter). */
    public boolean measured() {
        return this == ICT_CONCENTRATION;
    }

    public boolean computed() {
        return this != MANUAL;
    }
}
