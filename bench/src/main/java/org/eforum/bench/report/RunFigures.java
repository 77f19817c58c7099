package org.eforum.bench.report;

import java.util.List;
import java.util.Map;

import org.eforum.bench.ceiling.Ceilings;
import org.eforum.bench.process.StackProcesses;

/**
 * Everything one rush measured, as printed and as written to JSON. Times in seconds, latencies in ms;
 * null means "not measured" (n/a), e.g. mail figures without the catcher's stats endpoint.
 */
public record RunFigures(
        int run,
        String conferencePrefix,
        long storedAtStart,
        int registrations,
        int conferences,
        int seats,
        int connections,
        long accepted,
        long confirmed,
        long waitlisted,
        long acceptedListed,
        double rushSeconds,
        double acceptedPerSecond,
        double p50Ms,
        double p99Ms,
        double maxMs,
        Double eventsDrainSeconds,
        Double directoryDrainSeconds,
        Double mailDrainSeconds,
        Double mailsCompleteSinceRushStartSeconds,
        String mailCountedAs,
        Long expectedMailCount,
        Long mailCount,
        Double mailCountPerSecond,
        long errors,
        Map<String, Long> errorKinds,
        long lost,
        long statusMismatches,
        List<String> seatMismatches,
        Long duplicateMails,
        List<String> drainMissing,
        Ceilings ceilings,
        Long rawMailsSeenByCatcher,
        Map<String, StackProcesses.Figures> processes) {

    public Double acceptedVsGet() {
        return ceilings == null || ceilings.get() == null ? null : acceptedPerSecond / ceilings.get().perSecond();
    }

    public Double eventsVsRawKafka() {
        return eventsDrainSeconds == null || ceilings == null || ceilings.kafka() == null ? null
                : eventsDrainSeconds / ceilings.kafka().seconds();
    }

    public Double mailVsRawSmtp() {
        return mailDrainSeconds == null || ceilings == null || ceilings.smtp() == null ? null
                : mailDrainSeconds / ceilings.smtp().seconds();
    }

    public double stackCpuSeconds() {
        return processes.values().stream().mapToDouble(StackProcesses.Figures::cpuSeconds).sum();
    }

    public double stackPeakRssMb() {
        return processes.values().stream().mapToDouble(StackProcesses.Figures::peakRssMb).sum();
    }
}
