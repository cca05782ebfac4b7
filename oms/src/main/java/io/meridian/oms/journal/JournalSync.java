package io.meridian.oms.journal;

/**
 * When the sequencer forces journal records to the storage device. Every policy survives a killed
 * process (kill -9, JVM crash): appends are writes to a shared file mapping, which the kernel
 * keeps and writes back. The policies differ only for a machine crash or power loss.
 * See docs/durability.md for the measured cost.
 */
public enum JournalSync
{
    /** The OS writes pages back on its own schedule (Linux: within ~30 s); forced at segment roll and close. */
    OS,
    /** Forced after each sequencer duty cycle that appended (group commit); outputs of that cycle may precede it. */
    BATCH,
    /** Forced after every record, before the record is applied and its outputs are sent (write-ahead). */
    RECORD
}
