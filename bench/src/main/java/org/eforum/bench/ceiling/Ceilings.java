package org.eforum.bench.ceiling;

/** The same-run ceilings; any of them may be absent (skipped, or it failed, with the reason). */
public record Ceilings(GetCeiling.Result get, RawKafka.Result kafka, RawSmtp.Result smtp, String problem) {
}
