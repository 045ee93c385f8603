package io.webcare.sla.clocks;

/**
 * Fired (CDI event) after a committed change to the clocks or case facts: a case event or routed message was applied,
 * or the scheduler announced a warning or breach. Observers that show live figures refresh on it.
 */
public record ClocksChanged() {
    public static final ClocksChanged INSTANCE = new ClocksChanged();
}
