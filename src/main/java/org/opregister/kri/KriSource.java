package org.opregister.kri;

/** Where values come from: typed or uploaded by people, or computed from the incident register. */
public enum KriSource {

    MANUAL, INCIDENT_COUNT, NET_LOSS;

    public boolean computed() {
        return this != MANUAL;
    }
}
