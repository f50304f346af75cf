package vn.storybank.core.partner;

import java.time.LocalDate;
import java.util.UUID;

/** Requests one partner key made to one channel in one locale on one day. */
public record UsageRow(
    UUID key, String partner, String channel, String locale, LocalDate day, long requests) {}
