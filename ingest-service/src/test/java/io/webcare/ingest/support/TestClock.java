package io.webcare.ingest.support;

import io.webcare.testsupport.AdjustableClock;
import jakarta.inject.Singleton;

/** The ingest service's clock in its tests (replaces the default clock bean). */
@Singleton
public class TestClock extends AdjustableClock {}
