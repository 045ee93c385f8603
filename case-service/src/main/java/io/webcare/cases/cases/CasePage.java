package io.webcare.cases.cases;

import java.util.List;

/** One page of a queue. */
public record CasePage(List<CaseView> items, int page, int size, long total) {}
