package io.webcare.sla.support;

import io.webcare.testsupport.AdjustableClock;
import jakarta.inject.Singleton;

/** The SLA service's clock in its tests (replaces the default clock bean). */
@Singleton
public class TestClock extends AdjustableClock {}
