package io.webcare.cases.notifications;

import java.util.List;

/** One page of a team's inbox; {@code unread} counts all unread notifications of the team. */
public record NotificationPage(List<NotificationView> items, int page, int size, long total, long unread) {}
