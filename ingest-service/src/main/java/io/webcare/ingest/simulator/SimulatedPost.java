package io.webcare.ingest.simulator;

import java.time.Instant;

/**
 * What an adapter posted to the simulated platform.
 *
 * @param platform {@code graph} (Facebook, Instagram, WhatsApp) or {@code x}
 * @param kind {@code comment-reply}, {@code instagram-comment-reply}, {@code messenger}, {@code whatsapp},
 *     {@code tweet-reply} or {@code dm}
 * @param account the page, Instagram account or WhatsApp phone number id it was posted as (graph only)
 * @param to the comment or post answered, or the customer messaged
 * @param template the template (WhatsApp) or message tag (Messenger) used, else null
 */
public record SimulatedPost(
        String id,
        String platform,
        String kind,
        String account,
        String to,
        String text,
        String template,
        Instant postedAt) {}
