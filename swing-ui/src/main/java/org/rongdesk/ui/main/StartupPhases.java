package org.rongdesk.ui.main;

import java.lang.management.ManagementFactory;

/**
 * Where start-up time goes, for {@code -Drongdesk.startup=trace} (or {@code trace+exit}): each phase's end in ms since
 * the JVM started, printed with the interactive line (the startup benchmark's profile). Costs
 * nothing otherwise: the JVM start is read only when tracing.
 */
final class StartupPhases {
    private static final boolean ON = System.getProperty("rongdesk.startup",
            String.valueOf(System.getenv("RONGDESK_STARTUP"))).startsWith("trace");
    private static final StringBuilder PHASES = new StringBuilder();

    private StartupPhases() {
    }

    static boolean on() {
        return ON;
    }

    /** Notes that {@code phase} ended now. */
    static synchronized void mark(String phase) {
        if (ON) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            PHASES.append(PHASES.length() == 0 ? "" : ", ").append(phase).append(' ').append(ms);
        }
    }

    /** The phases noted, in order ("main 180, theme 320, ..."). */
    static synchronized String report() {
        return PHASES.toString();
    }
}
