-- A clock whose threshold cannot be announced (a fault in its data, not in the broker or the database) is held for a
-- while with the reason, instead of rolling back the scheduler's whole batch again and again: the other clocks keep
-- being announced, and the held one is tried again when the hold ends (its events keep their original due times).
alter table sla_clock
    add column held_until  timestamp(6) with time zone,
    add column held_reason text;
