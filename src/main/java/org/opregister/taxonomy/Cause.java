package org.opregister.taxonomy;

/** Cause categories of the operational-risk definition: people, processes, systems, external events. */
public enum Cause {
    PEOPLE, PROCESS, SYSTEMS, EXTERNAL
}
