package io.webcare.ingest.bulk;

import java.util.List;

/**
 * The answer to a bulk import.
 *
 * @param lines lines read, blank ones included
 * @param accepted new messages stored and published
 * @param duplicates messages received before (in an earlier request or earlier in this one), not published again
 * @param rejected lines refused; the first {@code webcare.bulk.max-reported-rejections} are listed in
 *     {@code rejections}
 * @param rejectionsTruncated true when more lines were rejected than are listed
 */
public record BulkSummary(
        long lines,
        long accepted,
        long duplicates,
        long rejected,
        List<Rejection> rejections,
        boolean rejectionsTruncated) {

    /** A refused line: its number (from 1) and why. */
    public record Rejection(long line, String reason) {}
}
