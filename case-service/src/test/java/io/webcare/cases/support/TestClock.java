package io.webcare.cases.support;

import io.webcare.testsupport.AdjustableClock;
import jakarta.inject.Singleton;

/** The case service's clock in its tests (replaces the default clock bean). */
@Singleton
public class TestClock extends AdjustableClock {}
